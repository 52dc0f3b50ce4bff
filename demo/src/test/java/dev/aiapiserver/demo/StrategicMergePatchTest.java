package dev.aiapiserver.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aiapiserver.http.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Strategic merge patch as kube-apiserver applies what kubectl sends: this original, this patch
 * (as kubectl apply, set image, rollout restart or patch writes it), this result.
 */
class StrategicMergePatchTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      kubectl set image: the container is merged by name, the sidecar stays |\
      {"spec":{"containers":[{"name":"app","image":"a:1","ports":[{"containerPort":80}]},{"name":"proxy","image":"p:1"}]}} |\
      {"spec":{"$setElementOrder/containers":[{"name":"app"},{"name":"proxy"}],"containers":[{"name":"app","image":"a:2"}]}} |\
      {"spec":{"containers":[{"name":"app","image":"a:2","ports":[{"containerPort":80}]},{"name":"proxy","image":"p:1"}]}}
      kubectl apply: an env entry is added by name, a removed field is null |\
      {"spec":{"replicas":2,"paused":true,"containers":[{"name":"app","env":[{"name":"A","value":"1"}]}]}} |\
      {"spec":{"paused":null,"containers":[{"name":"app","env":[{"name":"B","value":"2"}]}]}} |\
      {"spec":{"replicas":2,"containers":[{"name":"app","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}]}}
      $patch delete removes one element by its key |\
      {"volumes":[{"name":"a","emptyDir":{}},{"name":"b","emptyDir":{}}]} |\
      {"volumes":[{"name":"a","$patch":"delete"}]} |\
      {"volumes":[{"name":"b","emptyDir":{}}]}
      $patch replace replaces the list |\
      {"containers":[{"name":"a","image":"a"},{"name":"b","image":"b"}]} |\
      {"containers":[{"name":"c","image":"c"},{"$patch":"replace"}]} |\
      {"containers":[{"name":"c","image":"c"}]}
      $retainKeys keeps only the keys it lists |\
      {"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}} |\
      {"strategy":{"$retainKeys":["type"],"type":"Recreate"}} |\
      {"strategy":{"type":"Recreate"}}
      finalizers merge as a set; $deleteFromPrimitiveList removes |\
      {"metadata":{"finalizers":["a","b"]}} |\
      {"metadata":{"finalizers":["c","a"],"$deleteFromPrimitiveList/finalizers":["b"]}} |\
      {"metadata":{"finalizers":["a","c"]}}
      a list without a merge key is replaced |\
      {"args":["--a","--b"],"tolerations":[{"key":"x","operator":"Exists"}]} |\
      {"args":["--c"],"tolerations":[{"key":"y","operator":"Exists"}]} |\
      {"args":["--c"],"tolerations":[{"key":"y","operator":"Exists"}]}
      the kubelet's status: conditions merged by type |\
      {"status":{"phase":"Pending","conditions":[{"type":"PodScheduled","status":"True"},{"type":"Ready","status":"False"}]}} |\
      {"status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}]}} |\
      {"status":{"phase":"Running","conditions":[{"type":"PodScheduled","status":"True"},{"type":"Ready","status":"True"}]}}
      Service ports merge by port |\
      {"spec":{"ports":[{"port":80,"targetPort":8080},{"port":443,"targetPort":8443}]}} |\
      {"spec":{"ports":[{"port":80,"targetPort":9090}]}} |\
      {"spec":{"ports":[{"port":80,"targetPort":9090},{"port":443,"targetPort":8443}]}}
      """)
  void givenWhatKubectlSendsWhenPatchedThenTheResultIsKubeApiservers(String story, String original,
      String patch, String expected) {
    assertEquals(Json.MAPPER.readTree(expected),
        StrategicMergePatch.apply(Json.MAPPER.readTree(original), Json.MAPPER.readTree(patch)));
  }
}
