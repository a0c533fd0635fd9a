#!/usr/bin/env bash
# The distribution's own validators on the packaging metadata; any error or warning fails.
#   lint_metadata.sh desktop FILE.desktop
#   lint_metadata.sh metainfo FILE.metainfo.xml VERSION FILE.desktop
#   lint_metadata.sh units UNIT_DIR BIN_DIR
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

need() {
    command -v "$1" >/dev/null || fail "$1 is not installed (Debian package $2; scripts/lib.sh TEST_PACKAGES)"
}

# desktop-file-validate exits 0 on warnings; hints (suggestions) are allowed, warnings are not.
desktop() {
    local file=$1 out
    need desktop-file-validate desktop-file-utils
    out=$(desktop-file-validate "$file" 2>&1) || fail "desktop-file-validate: $out"
    if grep -E ': (error|warning): ' <<<"$out"; then
        fail "desktop-file-validate reports problems in $file"
    fi
    [[ -z $out ]] || echo "$out"
    echo "desktop-file-validate: $file is valid"
}

metainfo() {
    local file=$1 version=$2 desktop=$3
    need appstreamcli appstream
    # --strict: every issue fails except pedantic ones.
    appstreamcli validate --no-net --strict "$file" || fail "appstreamcli validate: $file"
    grep -q "<release version=\"$version\" date=\"[0-9]\{4\}-[0-9]\{2\}-[0-9]\{2\}\"" "$file" \
        || fail "$file has no <release> for version $version"
    grep -q "<launchable type=\"desktop-id\">$(basename "$desktop")</launchable>" "$file" \
        || fail "$file does not launch $(basename "$desktop")"
    local id
    id=$(sed -n 's:.*<id>\(.*\)</id>.*:\1:p' "$file")
    [[ "$id.desktop" == "$(basename "$desktop")" ]] || fail "component id $id does not match $(basename "$desktop")"
    grep -q "^Icon=$id\$" "$desktop" || fail "$desktop: Icon= is not $id"
    echo "appstreamcli: $file is valid, release $version"
}

# systemd-analyze verify works offline, without a running systemd. It insists that ExecStart's
# binary exists, so the units are checked with /usr/bin replaced by the build's bin directory.
# It exits 0 on unknown or misplaced settings: any output fails.
units() {
    local dir=$1 bin out
    bin=$(realpath "$2")
    need systemd-analyze systemd
    mkdir -m 700 "$work/runtime"
    sed "s#/usr/bin/#$bin/#g" "$dir/clinicdesk-inbox.service" >"$work/clinicdesk-inbox.service"
    sed "s#/usr/bin/#$bin/#g" "$dir/clinicdesk-relay.service" >"$work/clinicdesk-relay.service"
    out=$(systemd-analyze verify "$work/clinicdesk-inbox.service" 2>&1) \
        || fail "systemd-analyze verify clinicdesk-inbox.service: $out"
    [[ -z $out ]] || fail "systemd-analyze verify clinicdesk-inbox.service: $out"
    out=$(XDG_RUNTIME_DIR=$work/runtime systemd-analyze --user verify "$work/clinicdesk-relay.service" 2>&1) \
        || fail "systemd-analyze --user verify clinicdesk-relay.service: $out"
    [[ -z $out ]] || fail "systemd-analyze --user verify clinicdesk-relay.service: $out"

    # The inbox faces the internet: systemd's own exposure score must stay "OK" (≤ 2.0 of 10).
    if ! out=$(systemd-analyze security --offline=yes --threshold=20 --no-pager \
        "$work/clinicdesk-inbox.service" 2>&1); then
        echo "$out" >&2
        fail "clinicdesk-inbox.service: exposure above 2.0"
    fi
    grep -E '^→ Overall exposure' <<<"$out"
    # A system service under its own user with its own state, and a user service for the relay.
    grep -qx 'User=clinicdesk-inbox' "$dir/clinicdesk-inbox.service" || fail "inbox: no User=clinicdesk-inbox"
    grep -qx 'StateDirectory=clinicdesk-inbox' "$dir/clinicdesk-inbox.service" || fail "inbox: no StateDirectory="
    grep -qx 'WantedBy=multi-user.target' "$dir/clinicdesk-inbox.service" || fail "inbox: not a system service"
    grep -qx 'WantedBy=default.target' "$dir/clinicdesk-relay.service" || fail "relay: not a user service"
    if grep -qE '^(User|Group|DynamicUser)=' "$dir/clinicdesk-relay.service"; then
        fail "relay: a user service cannot change its user"
    fi
    grep -q '^u clinicdesk-inbox ' "$dir/clinicdesk-inbox.sysusers" || fail "no sysusers entry for clinicdesk-inbox"
    echo "systemd-analyze: both units verify"
}

mode=$1
shift
case $mode in
desktop | metainfo | units) "$mode" "$@" ;;
*) fail "unknown mode $mode" ;;
esac
