#!/bin/sh
# The long run of the chaos suite (docs/reliability.md): every fault point of every scenario, 40
# random kills, ten rounds of concurrent runs. Takes several minutes; pass -Dvipctl.chaos.seed=N to
# repeat a run whose seed a failure printed.
#
#   src/test/chaos-soak.sh [-Dvipctl.chaos.seed=N]
set -eu
cd "$(dirname "$0")/../.."
exec mvn -B verify -Dvipctl.chaos.soak=true -Dit.test=ChaosIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false "$@"
