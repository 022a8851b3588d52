#!/usr/bin/env bash
# Prepares and starts Payara Server's domain1 for the EAR tests, the way the README tells an
# operator to: JVM settings for the data directory, then the resource adapter, then (by Arquillian)
# the EAR. Arguments: payara home, data directory, resource adapter, first administrator's password.
set -euo pipefail
payara_home=$1 data_dir=$2 rar=$3 admin_password=$4
asadmin="$payara_home/bin/asadmin"
mkdir -p "$data_dir"

"$asadmin" stop-domain >/dev/null 2>&1 || true
"$asadmin" start-domain
# JVM options take effect at the next start, so the domain is restarted once. Options of an
# earlier run go first, so that a changed value never stands beside its old self.
stale=$("$asadmin" list-jvm-options | grep -E '^-D(gateway\.|org\.apache\.activemq\.default)' || true)
while read -r old; do
    [ -z "$old" ] || "$asadmin" delete-jvm-options "$(printf '%s' "$old" | sed 's/:/\\:/g')" >/dev/null
done <<< "$stale"
for option in \
    "-Dgateway.data.dir=$data_dir" \
    "-Dorg.apache.activemq.default.directory.prefix=$data_dir/" \
    "-Dgateway.admin.password=$admin_password" \
    "-Dgateway.password.iterations=10000" \
    "-Dgateway.licence.file=$(dirname "$data_dir")/licence.txt" \
    "-Dgateway.history.settle-time=PT1S" \
    "-Dgateway.http.trusted-proxies=127.0.0.1,::1" \
    "-Dgateway.smsc.host=127.0.0.1" \
    "-Dgateway.smsc.binds=a,b" \
    "-Dgateway.smsc.a.system-id=bind-a" \
    "-Dgateway.smsc.b.system-id=bind-b" \
    "-Dgateway.mail.host=127.0.0.1" \
    "-Dgateway.mail.port=3025" \
    "-Dgateway.inbound.fallback-mailbox=unrouted@example.test" \
    "-Dgateway.smsc.bind-check-interval=PT1S" \
    "-Dgateway.mail.sweep-interval=PT1S" \
    "-Dgateway.mail.retry-interval=PT1S" \
    "-Dgateway.smsc.port=12775" \
    "-Dgateway.retry.interval=PT1S" \
    "-Dgateway.retry.sweep-interval=PT1S" \
    "-Dgateway.retry.max-retries=4" \
    "-Dgateway.retry.throttled-interval=PT1S" \
    "-Dgateway.inbound.max-attempts=4" \
    "-Dgateway.inbound.reassembly-timeout=PT5S" \
    "-Dgateway.smsc.rebind-max-wait=PT1S" \
    "-Dcom.sun.xml.ws.fault.SOAPFaultBuilder.disableCaptureStackTrace=true"; do
    if ! "$asadmin" list-jvm-options | grep -qxF -- "$option"; then
        "$asadmin" create-jvm-options "$(printf '%s' "$option" | sed 's/:/\\:/g')" >/dev/null
    fi
done
# Test servers listen on the loopback interface only; a single test domain needs no Hazelcast.
for listener in http-listener-1 http-listener-2 admin-listener; do
    "$asadmin" set "configs.config.server-config.network-config.network-listeners.network-listener.$listener.address=127.0.0.1" >/dev/null
done
for listener in orb-listener-1 SSL SSL_MUTUALAUTH; do
    "$asadmin" set "configs.config.server-config.iiop-service.iiop-listener.$listener.address=127.0.0.1" >/dev/null
done
"$asadmin" set configs.config.server-config.admin-service.jmx-connector.system.address=127.0.0.1 >/dev/null
"$asadmin" set-hazelcast-configuration --enabled=false >/dev/null
"$asadmin" restart-domain
if ! "$asadmin" list-applications | grep -q '^activemq-rar'; then
    "$asadmin" deploy --name activemq-rar "$rar"
fi
