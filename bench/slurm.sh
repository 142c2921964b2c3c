#!/usr/bin/env bash
# Overhead per task of running a 1000-task graph (bench/GoKart.Bench.Slurm: 20 chains of 50 + a root) as Slurm
# jobs, with and without batching, against a one-node Slurm started here on loopback (as the tests' fixture does)
# and stopped by PID at the end. Needs root, slurm-wlm and munge (.ci/setup.sh).
# Usage: bench/slurm.sh [max_batch_size ...]   (default: 1 50)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
sizes=("${@:-1}"); [ $# -eq 0 ] && sizes=(1 50)
dotnet build "$repo/bench/GoKart.Bench.Slurm" -c Release -v q -nologo >/dev/null
program="$repo/bench/GoKart.Bench.Slurm/bin/Release/net10.0/GoKart.Bench.Slurm.dll"
dir=$(mktemp -d /tmp/gokart-slurm-bench-XXXXXX); chmod 755 "$dir"; mkdir -p "$dir/munge" "$dir/state" "$dir/spool"; chown munge:munge "$dir/munge"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cat > "$dir/slurm.conf" <<CONF
ClusterName=gokart-bench
SlurmctldHost=localhost
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/builtin
SchedulerParameters=sched_interval=1,sched_min_interval=10000
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
MaxJobCount=20000
NodeName=localhost CPUs=2 RealMemory=1000 State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf" CI=true
stop() {
  for f in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
}
trap stop EXIT
runuser -u munge -- /usr/sbin/munged --socket="$dir/munge/munge.socket" --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/seed" --force
slurmctld -f "$SLURM_CONF"; slurmd -f "$SLURM_CONF" -N localhost
for _ in $(seq 100); do [ "$(sinfo -h -o %T 2>/dev/null)" = idle ] && break; sleep 0.1; done

seconds() { local start=$(date +%s.%N); "$@" >"$dir/last.log" 2>&1 || { cat "$dir/last.log"; exit 1; }; echo "$(date +%s.%N) - $start" | bc; }
mkdir -p "$dir/local"; cd "$dir/local"
local_s=$(seconds timeout 600 dotnet "$program" Grid --workers 2)
echo "local (2 workers): ${local_s} s for 1001 tasks"
for size in "${sizes[@]}"; do
  mkdir -p "$dir/b$size"; cd "$dir/b$size"
  printf '[slurm]\nmax_batch_size = %s\npoll_interval = 0.2\nmax_poll_interval = 2\n' "$size" > slurm.ini
  s=$(seconds timeout 3600 dotnet "$program" Grid --executor slurm --config slurm.ini)
  jobs=$(grep -c 'submitted job' "$dir/last.log")
  per=$(echo "scale=4; ($s - $local_s) / 1001" | bc)
  share=$(echo "scale=4; 100 * $per / ($per + 1)" | bc)
  echo "slurm max_batch_size=$size: ${s} s, $jobs jobs, overhead ${per} s/task over local; Slurm share at 1 s/task: ${share} %"
done
