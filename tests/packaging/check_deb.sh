#!/usr/bin/env bash
# Builds the .deb from an already built tree with CPack (it installs what the build made; nothing
# is compiled), checks its control data, unpacks it with dpkg -x into a temporary root and checks
# what it installed: every file in place, the programs stripped and free of build paths, each one
# answering --version from the unpacked tree with the system's Qt, and the example configurations
# working: the unpacked inbox serves HTTPS with examples/inbox.ini, the unpacked relay polls it
# with examples/relay.ini, and a signed webhook posted to that inbox is fetched by that relay
# (its token and CA accepted) and its cursor committed: the inbox's consumer lag goes back to 0.
#   check_deb.sh BUILD_DIR VERSION APP_ID
set -euo pipefail

build=$(realpath "$1")
version=$2
app_id=$3
source=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$build/CMakeCache.txt")
[[ -d $source ]] || fail "no source directory in $build/CMakeCache.txt"
programs=(clinicdesk clinicdesk-admin clinicdesk-inbox clinicdesk-relay clinicdesk-sandbox)

work=$(mktemp -d)
pids=()
cleanup() {
    local pid
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

for tool in cpack dpkg-deb readelf systemd-sysusers curl openssl; do
    command -v "$tool" >/dev/null || fail "$tool is not installed (scripts/lib.sh TEST_PACKAGES)"
done

# --- build the package ---------------------------------------------------------------------------
if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    fail "cpack failed"
fi
debs=("$work"/out/clinicdesk_"$version"-*_*.deb)
deb=${debs[0]}
[[ -f $deb ]] || fail "cpack made no clinicdesk_${version}-*.deb: $(ls "$work/out")"
echo "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

# --- control data --------------------------------------------------------------------------------
field() { dpkg-deb --field "$deb" "$1"; }
[[ $(field Package) == clinicdesk ]] || fail "Package is $(field Package)"
[[ $(field Version) == "$version"-* ]] || fail "Version $(field Version) is not $version-*"
[[ -n $(field Maintainer) ]] || fail "no Maintainer"
[[ -n $(field Section) ]] || fail "no Section"
[[ $(field Description) == *clinic* ]] || fail "no Description"
depends=$(field Depends)
for dependency in libqt6core6 libqt6widgets6 libqt6network6 libqt6sql6 libqt6sql6-sqlite \
    libqt6keychain1 libssl3; do
    [[ ",$depends," == *[\ ,]"$dependency"[\ ,]* ]] || fail "Depends lacks $dependency: $depends"
done
dpkg-deb --control "$deb" "$work/control"
for script in postinst prerm postrm; do
    [[ -x $work/control/$script ]] || fail "no executable $script"
    sh -n "$work/control/$script" || fail "$script: syntax error"
done
grep -q 'systemd-sysusers clinicdesk-inbox.conf' "$work/control/postinst" \
    || fail "postinst does not create the inbox's user"
# What postinst runs, on an empty root: the inbox's system user and group appear, without a shell.
mkdir -p "$work/sysroot/etc" "$work/sysroot/usr/lib/sysusers.d"
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/lib/sysusers.d/clinicdesk-inbox.conf \
    >"$work/sysroot/usr/lib/sysusers.d/clinicdesk-inbox.conf"
out=$(systemd-sysusers --root="$work/sysroot" clinicdesk-inbox.conf 2>&1) \
    || fail "systemd-sysusers refuses clinicdesk-inbox.conf: $out"
grep -q '^clinicdesk-inbox:x:[0-9]*:[0-9]*:.*:/var/lib/clinicdesk-inbox:/usr/sbin/nologin$' \
    "$work/sysroot/etc/passwd" || fail "no system user clinicdesk-inbox: $(cat "$work/sysroot/etc/passwd")"
grep -q '^clinicdesk-inbox:' "$work/sysroot/etc/group" || fail "no group clinicdesk-inbox"

# --- the unpacked tree ---------------------------------------------------------------------------
root=$work/root
dpkg -x "$deb" "$root"
expected=(
    "usr/share/applications/$app_id.desktop"
    "usr/share/metainfo/$app_id.metainfo.xml"
    "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    usr/lib/systemd/system/clinicdesk-inbox.service
    usr/lib/systemd/user/clinicdesk-relay.service
    usr/lib/sysusers.d/clinicdesk-inbox.conf
    usr/share/clinicdesk/translations/clinicdesk_en.qm
    usr/share/clinicdesk/translations/clinicdesk_es.qm
    usr/share/doc/clinicdesk/README.md
    usr/share/doc/clinicdesk/guide/README.md
    usr/share/doc/clinicdesk/guide/staff.md
    usr/share/doc/clinicdesk/screenshots/board-01-overview.png
    usr/share/doc/clinicdesk/examples/inbox.ini
    usr/share/doc/clinicdesk/examples/inbox.env
    usr/share/doc/clinicdesk/examples/relay.ini
)
for size in 48 64 128 256; do
    expected+=("usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for program in "${programs[@]}"; do
    expected+=("usr/bin/$program")
done
for file in "${expected[@]}"; do
    [[ -f $root/$file && -s $root/$file ]] || fail "the package does not install /$file"
done
# Nothing outside /usr (the configuration in /etc is the administrator's, see the inbox unit).
unexpected=$(cd "$root" && find . -mindepth 1 -maxdepth 1 ! -name usr)
[[ -z $unexpected ]] || fail "files outside /usr: $unexpected"

# Each PNG is the size its directory names (IHDR width and height, big-endian, at offset 16).
for size in 48 64 128 256; do
    png=$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png
    read -r w0 w1 w2 w3 h0 h1 h2 h3 < <(od -An -tu1 -j16 -N8 "$png")
    width=$(((w0 << 24) | (w1 << 16) | (w2 << 8) | w3))
    height=$(((h0 << 24) | (h1 << 16) | (h2 << 8) | h3))
    [[ $width == "$size" && $height == "$size" ]] || fail "$png is ${width}x$height"
done
# Compiled Qt translations (the .qm magic number).
for qm in "$root"/usr/share/clinicdesk/translations/*.qm; do
    [[ $(od -An -tx1 -N4 "$qm" | tr -d ' ') == 3cb86418 ]] || fail "$qm is not a .qm file"
done
# The launcher starts an installed program with an installed icon; the units start installed ones.
exec_name=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$root/usr/share/applications/$app_id.desktop")
[[ -x $root/usr/bin/$exec_name ]] || fail "the .desktop file's Exec=$exec_name is not installed"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" \
    "$root/usr/share/metainfo/$app_id.metainfo.xml" || fail "metainfo does not launch $app_id.desktop"
for unit in usr/lib/systemd/system/clinicdesk-inbox.service usr/lib/systemd/user/clinicdesk-relay.service; do
    exec_start=$(sed -n 's/^ExecStart=\([^ ]*\).*/\1/p' "$root/$unit")
    [[ $exec_start == /usr/bin/* && -x $root$exec_start ]] || fail "$unit: ExecStart=$exec_start is not installed"
done

# --- the programs --------------------------------------------------------------------------------
# A private home: nothing the programs write may land in the real one.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
export XDG_RUNTIME_DIR=$work/runtime
mkdir -p "$HOME" && mkdir -m 700 "$XDG_RUNTIME_DIR"
unset LD_LIBRARY_PATH QT_PLUGIN_PATH
for program in "${programs[@]}"; do
    binary=$root/usr/bin/$program
    # No RPATH/RUNPATH (the build's would point into the build tree), no symbols, no build paths.
    if readelf -d "$binary" | grep -E 'RPATH|RUNPATH'; then
        fail "$program has an RPATH/RUNPATH"
    fi
    if readelf -S "$binary" | grep -E '\.symtab|\.debug_'; then
        fail "$program is not stripped"
    fi
    for path in "$build" "$source"; do
        if grep -q -F "$path" "$binary"; then
            fail "$program contains the path $path (build or source tree)"
        fi
    done
    out=$(cd "$work" && "$binary" --version 2>&1) || fail "$program --version failed: $out"
    [[ $out == *"$version"* ]] || fail "$program --version does not name $version: $out"
    echo "$program --version: $out"
done

# --- the example configurations, as the documentation uses them ---------------------------------
# Waits (at most 20 s) for a line matching $2 in file $1 while process $3 runs; prints the line.
await_line() {
    local file=$1 pattern=$2 pid=$3 line
    for _ in $(seq 200); do
        if line=$(grep -m1 -E "$pattern" "$file"); then
            echo "$line"
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    cat "$file" "$file.err" >&2 2>/dev/null || true
    return 1
}
bin=$root/usr/bin
examples=$root/usr/share/doc/clinicdesk/examples
etc=$work/etc
mkdir -p "$etc" "$work/state"
cp "$examples/inbox.ini" "$etc/"
(umask 077 && head -c 32 /dev/urandom | base64 >"$etc/inbox.key")
"$bin/clinicdesk-admin" inbox secret --output "$etc/beluga.secret" >/dev/null
"$bin/clinicdesk-admin" inbox token --output "$etc/frontdesk1.token" >/dev/null
# The command line overrides the example's listen=0.0.0.0:8443: any free loopback port.
"$bin/clinicdesk-inbox" --config "$etc/inbox.ini" --data-dir "$work/state" --listen 127.0.0.1:0 \
    >"$work/inbox.out" 2>"$work/inbox.out.err" &
inbox_pid=$!
pids+=("$inbox_pid")
line=$(await_line "$work/inbox.out" '^listening on https://' "$inbox_pid") \
    || fail "the unpacked inbox did not start with examples/inbox.ini"
inbox_url=${line#listening on }
echo "clinicdesk-inbox with examples/inbox.ini: $line"

relay_dir=$work/relay
mkdir -p "$relay_dir"
cp "$examples/relay.ini" "$relay_dir/"
cp "$etc/frontdesk1.token" "$relay_dir/relay.token"
cp "$work/state/tls-cert.pem" "$relay_dir/inbox-ca.pem"
"$bin/clinicdesk-admin" --data-dir "$work/console" --key-file "$work/console.key" store init >/dev/null
# The example's inbox= is a placeholder host: the command line points it at the running inbox.
"$bin/clinicdesk-relay" --config "$relay_dir/relay.ini" --inbox "$inbox_url" \
    --data-dir "$work/console" --key-file "$work/console.key" \
    >"$work/relay.out" 2>"$work/relay.out.err" &
relay_pid=$!
pids+=("$relay_pid")
line=$(await_line "$work/relay.out" '^polling ' "$relay_pid") \
    || fail "the unpacked relay did not start with examples/relay.ini"
echo "clinicdesk-relay with examples/relay.ini: $line"

# "polling" is printed before the first request: proof that the relay works is an event it
# fetched. A webhook signed as the provider signs it (Standard Webhooks, the secret from
# `inbox secret`, HMAC computed here with openssl), then the inbox's own count of what the
# relay has not committed yet. A wrong token or CA leaves it at 1.
metric() {
    curl -sS --cacert "$work/state/tls-cert.pem" "$inbox_url/metrics" |
        sed -n "s/^$1 \([0-9]*\)\$/\1/p"
}
secret=$(sed -n 's/^whsec_//p' "$etc/beluga.secret" | head -1)
[[ -n $secret ]] || fail "no whsec_ secret in the file clinicdesk-admin inbox secret wrote"
hexkey=$(printf '%s' "$secret" | base64 -d | od -An -tx1 | tr -d ' \n')
id=msg_check_deb_1
ts=$(date +%s)
body='{"masterId":"check-deb-1","event":"CS_MESSAGE","content":"package check"}'
signature=$(printf '%s' "$id.$ts.$body" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$hexkey" -binary | base64)
status=$(curl -sS -o "$work/webhook.out" -w '%{http_code}' --cacert "$work/state/tls-cert.pem" \
    -H 'Content-Type: application/json' -H "webhook-id: $id" -H "webhook-timestamp: $ts" \
    -H "webhook-signature: v1,$signature" --data-binary "$body" "$inbox_url/webhooks/beluga") \
    || fail "cannot post a webhook to the unpacked inbox"
[[ $status == 200 ]] || fail "the unpacked inbox answered $status to a signed webhook: $(cat "$work/webhook.out")"
lag=
for _ in $(seq 300); do
    lag=$(metric 'clinicdesk_inbox_consumer_lag{consumer="frontdesk1"}')
    [[ $lag == 0 ]] && break
    kill -0 "$relay_pid" 2>/dev/null || break
    sleep 0.1
done
if [[ $lag != 0 ]]; then
    cat "$work/relay.out.err" >&2 || true
    fail "the unpacked relay did not fetch and commit the event (consumer lag: ${lag:-none})"
fi
echo "clinicdesk-relay fetched the event from clinicdesk-inbox and committed its cursor"

for pid in "$relay_pid" "$inbox_pid"; do
    kill -TERM "$pid"
    status=0
    wait "$pid" || status=$?
    [[ $status == 0 ]] || fail "process $pid exited with $status after SIGTERM"
done
pids=()
echo "PASS: $(basename "$deb")"
