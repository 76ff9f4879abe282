#!/usr/bin/env bash
# Builds (up) or removes (down) the small clinic of ClinicNetnsE2ETest in network namespaces.
#
#   ws1, ws2 (clinical) + vis (a guest phone on the clinical segment) -- bridge br0 --+
#                                                                                   router -- WAN -- hub -- root namespace
#   ws3 (guest segment) ------------------------------------------------- g0 -------+   (Breakpoint server, EMR, bulk peer)
#
# Addresses: clinical 10.213.1.0/24 (router .1), guest 10.213.2.0/24 (router .1), WAN 10.213.100.0/30
# (router .1, hub .2), upstream 10.213.250.0/30 (root .1, hub .2). Only veth pairs: nothing reaches the outside.
set -euo pipefail
P=bp-e2e
NSS="$P-ws1 $P-ws2 $P-ws3 $P-vis $P-router $P-hub"

down() {
  for ns in $NSS; do
    if ip netns list | grep -qw "$ns"; then
      for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
      ip netns del "$ns" 2>/dev/null || true
    fi
  done
  ip link del "$P-root" 2>/dev/null || true
  for ws in ws1 ws2 ws3 vis ws1-cmd ws2-cmd ws3-cmd; do
    for g in /sys/fs/cgroup/cpuacct/$P-$ws /sys/fs/cgroup/cpu/$P-$ws; do
      if [ -d "$g" ]; then
        for pid in $(cat "$g/cgroup.procs" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
        sleep 0.2; rmdir "$g" 2>/dev/null || true
      fi
    done
  done
}

# run WS STATFILE CMD...: (CGROUP=NAME to account its CPU elsewhere than to WS) runs CMD on workstation WS as if it were its own small machine: in the namespace, with its
# own host name, in its own cgroup limited to $CPU_QUOTA_US per 100 ms of CPU (its "processor"), and with STATFILE (the test's per-workstation CPU counters, kept from the
# cgroup's usage the way lxcfs does) mounted over /proc/stat. Namespaces share one kernel, so without this every
# workstation would read the whole machine's CPU load.
run() {
  local ws=$1 stat=$2; shift 2
  local g=/sys/fs/cgroup/cpuacct/$P-${CGROUP:-$ws} c=/sys/fs/cgroup/cpu/$P-${CGROUP:-$ws}
  mkdir -p "$g" "$c"
  echo 100000 > "$c/cpu.cfs_period_us"
  echo "${CPU_QUOTA_US:-30000}" > "$c/cpu.cfs_quota_us"
  echo $$ > "$g/cgroup.procs"
  echo $$ > "$c/cgroup.procs"
  exec ip netns exec "$P-$ws" unshare -m -u --propagation private sh -c \
    'hostname "$0" && export HOSTNAME="$0" && mount --bind "$1" /proc/stat && shift && exec "$@"' "$ws" "$stat" "$@"
}

up() {
  down
  for ns in $NSS; do ip netns add "$ns"; ip -n "$ns" link set lo up; done
  # router: clinical bridge, guest port, WAN
  ip -n $P-router link add br0 type bridge
  ip -n $P-router addr add 10.213.1.1/24 dev br0
  ip -n $P-router link set br0 up
  local i=0
  for h in ws1:11 ws2:12 vis:50; do
    local name=${h%%:*} host=${h##*:}
    ip link add "$P-c$name" type veth peer name eth0 netns "$P-$name"
    ip link set "$P-c$name" netns $P-router
    ip -n $P-router link set "$P-c$name" master br0 up
    ip -n "$P-$name" addr add "10.213.1.$host/24" dev eth0
    ip -n "$P-$name" link set eth0 up
    ip -n "$P-$name" route add default via 10.213.1.1
  done
  ip link add "$P-g0" type veth peer name eth0 netns $P-ws3
  ip link set "$P-g0" netns $P-router
  ip -n $P-router addr add 10.213.2.1/24 dev "$P-g0"
  ip -n $P-router link set "$P-g0" up
  ip -n $P-ws3 addr add 10.213.2.13/24 dev eth0
  ip -n $P-ws3 link set eth0 up
  ip -n $P-ws3 route add default via 10.213.2.1
  # WAN: router wan0 <-> hub lan0
  ip link add "$P-wan" type veth peer name lan0 netns $P-hub
  ip link set "$P-wan" netns $P-router
  ip -n $P-router link set "$P-wan" name wan0
  ip -n $P-router addr add 10.213.100.1/30 dev wan0
  ip -n $P-router link set wan0 up
  ip -n $P-hub addr add 10.213.100.2/30 dev lan0
  ip -n $P-hub link set lan0 up
  ip -n $P-router route add default via 10.213.100.2
  # upstream: hub up0 <-> root namespace
  ip link add "$P-root" type veth peer name up0 netns $P-hub
  ip addr add 10.213.250.1/30 dev "$P-root"
  ip link set "$P-root" up
  ip -n $P-hub addr add 10.213.250.2/30 dev up0
  ip -n $P-hub link set up0 up
  ip -n $P-hub route add 10.213.1.0/24 via 10.213.100.1
  ip -n $P-hub route add 10.213.2.0/24 via 10.213.100.1
  ip -n $P-hub route add default via 10.213.250.1
  ip route add 10.213.0.0/16 via 10.213.250.2 dev "$P-root"
  ip netns exec $P-router sysctl -qw net.ipv4.ip_forward=1
  ip netns exec $P-hub sysctl -qw net.ipv4.ip_forward=1
  for ns in $NSS; do ip netns exec "$ns" sysctl -qw net.ipv4.ping_group_range="0 2147483647" || true; done
}

# shape DEV_NS DEV RATE: a tbf limit with a deep queue (about 400 ms at the rate), as a busy link has
shape() { ip -n "$1" link set "$2" txqueuelen 1000; tc -n "$1" qdisc replace dev "$2" root tbf rate "$3" burst 16kb latency 400ms; }
unshape() { tc -n "$1" qdisc del dev "$2" root 2>/dev/null || true; }

case "${1:-}" in
  up) up ;;
  down) down ;;
  shape) shape "$2" "$3" "$4" ;;
  unshape) unshape "$2" "$3" ;;
  run) shift; run "$@" ;;
  check) ip netns add "$P-probe" && ip netns del "$P-probe" && tc qdisc help 2>&1 | grep -q . ;;
  *) echo "usage: $0 up|down|shape NS DEV RATE|unshape NS DEV|check" >&2; exit 64 ;;
esac
