#!/usr/bin/env bash
# One owner per table (docs/ARCHITECTURE.md): app/core/store/VisitRepository is the only code in
# app/ and ui/ that runs SQL on the console's `visits` table or seals and opens its columns. This
# fails on any other file that does. Adjacent string literals are joined first, so a statement
# split over several lines ("... FROM "  "visits ...") is still seen.
# Not counted: the schema and its migrations (store/Schema.cpp), and app/sandbox, whose own
# database has a `visits` table of its own (the provider's stand-in).
# Usage: check_visits_owner.sh SOURCE_DIR
set -euo pipefail
cd "$1"
exec perl -e '
use strict; use warnings;
my $owner = "app/core/store/VisitRepository.cpp";
my %exempt = map { $_ => 1 } ($owner, "app/core/store/VisitRepository.h", "app/core/store/Schema.cpp");
# SQL naming the table (the code writes SQL keywords in capitals), or the table named as the
# associated data of a sealed value.
my $sql = qr/\b(?:FROM|JOIN|UPDATE|INTO|TABLE)\s+visits\b/;
my $sealed = qr/\b(?:seal|open|openText)\(\s*(?:QStringLiteral|QLatin1String)\("visits"\)/;
my @files = split /\n/, `git ls-files -co --exclude-standard -- "app/*.cpp" "app/*.h" "ui/*.cpp" "ui/*.h"`;
my ($bad, $checked, $inOwner) = (0, 0, 0);
for my $file (@files) {
    next unless -f $file;
    next if $file =~ m{^app/sandbox/};
    open(my $in, "<", $file) or die "$file: $!\n";
    my $text = do { local $/; <$in> };
    close $in;
    (my $joined = $text) =~ s/"\s*\n\s*"//g;
    ++$checked;
    my @found;
    while ($joined =~ /($sql|$sealed)/g) {
        my $from = rindex($joined, "\n", $-[0]) + 1;
        my $to = index($joined, "\n", $+[0]);
        push @found, substr($joined, $from, ($to < 0 ? length($joined) : $to) - $from);
    }
    if ($file eq $owner) { $inOwner = @found; next; }
    next if $exempt{$file};
    for my $line (@found) {
        $line =~ s/^\s+//;
        print "$file: SQL on the visits table outside VisitRepository: $line\n";
        $bad = 1;
    }
}
# A check that sees nothing proves nothing: the owner itself must be found doing its job.
die "$owner: no SQL on visits found there; is the check still matching?\n" unless $inOwner >= 5;
print "$checked files: only VisitRepository runs SQL on visits ($inOwner statements there)\n" unless $bad;
exit $bad;
'
