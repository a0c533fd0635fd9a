#!/usr/bin/env bash
# The logging rule (app/core/base/Logging.h): log statements carry ids, counts, codes and names of
# tables and columns, never PHI or secrets. This finds log statements that mention a PHI field,
# a plaintext, key material, a password or a token, and uncategorised qDebug()/qWarning() calls.
set -euo pipefail
cd "$1"
status=0
mapfile -t files < <(git ls-files -co --exclude-standard -- 'app/*.cpp' 'app/*.h' 'ui/*.cpp' 'ui/*.h' | while read -r f; do [[ -f $f ]] && echo "$f"; done)
# Whole statements from the log macro to the semicolon, joined onto one line. String literals are
# emptied first: the words of a message are not values; the identifiers streamed after it are.
statements=$(perl -0777 -ne '
    s/"(?:[^"\\\n]|\\.)*"/""/g;
    while (/\b(qC(?:Debug|Info|Warning|Critical)|qDebug|qInfo|qWarning|qCritical)\s*\((.*?);/sg) {
        my $s = "$1($2;"; $s =~ s/\s+/ /g; print "$ARGV: $s\n";
    }' "${files[@]}")
banned='\b(firstName|lastName|dob|phone|email|address|city|zip|answers|selfReportedMeds|allergies|medicalConditions|content|plain|plaintext|password|passphrase|secret|token|currentKey|binaryData|rawBody|body)\b|toBase64|toHex'
if grep -E "$banned" <<<"$statements"; then
    echo "log statements above name PHI or secrets; log ids and counts instead" >&2
    status=1
fi
if grep -E ': (qDebug|qInfo|qWarning|qCritical)\(' <<<"$statements"; then
    echo "use a category (qCDebug(lcX) ...), see Logging.h" >&2
    status=1
fi
count=$(grep -c . <<<"$statements" || true)
echo "$count log statements checked"
# A check that sees nothing proves nothing.
[[ $count -gt 0 ]] || { echo "no log statements found: the check is broken" >&2; exit 1; }
exit $status
