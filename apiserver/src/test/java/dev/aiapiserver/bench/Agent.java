package dev.aiapiserver.bench;

/** One way an agent gathers what it needs for a task. */
interface Agent {
  /** How the tables name this approach. */
  String name();

  Reading read(AgentTask task) throws Exception;
}
