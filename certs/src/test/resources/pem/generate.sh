#!/bin/sh
# Regenerates these TEST-ONLY fixtures with OpenSSL, so the PEM reader is tested against the
# formats a real tool writes, not only against its own output. None of these keys protects anything.
set -eu
cd "$(dirname "$0")"
openssl genrsa -traditional -out rsa-pkcs1.key 2048
openssl pkcs8 -topk8 -nocrypt -in rsa-pkcs1.key -out rsa-pkcs8.key
openssl req -x509 -new -key rsa-pkcs1.key -subj /CN=openssl-rsa -days 36500 -out rsa.crt
openssl ecparam -name prime256v1 -genkey -out ec-sec1.key
openssl pkcs8 -topk8 -nocrypt -in ec-sec1.key -out ec-pkcs8.key
openssl req -x509 -new -key ec-sec1.key -subj /CN=openssl-ec -days 36500 -out ec.crt
cat rsa.crt ec.crt > bundle.crt
openssl pkcs8 -topk8 -v2 aes-256-cbc -passout pass:test -in rsa-pkcs1.key -out rsa-encrypted.key
