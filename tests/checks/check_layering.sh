#!/usr/bin/env bash
# The layering of docs/ARCHITECTURE.md, checked on every include of app/ and ui/:
# - a core folder includes only itself and the folders its "may use" cell names;
# - core includes name their folder ("crypto/FieldCipher.h"), a bare include is refused there;
#   in a program folder or ui/ a bare include must be a header of that folder (of ui/ where the
#   module may use it, or a generated ui_*.h form in ui/);
# - nothing headless (the core, the relay, inbox, sandbox and admin programs) includes a Qt
#   Widgets header.
# Usage: check_layering.sh SOURCE_DIR [QT_WIDGETS_INCLUDE_DIR]
set -euo pipefail
cd "$1"
widgets_dir=${2:-}
if [[ -z $widgets_dir ]]; then
    widgets_dir=$(find /usr/include -maxdepth 3 -type d -name QtWidgets -path '*qt6*' | head -n1)
fi
[[ -d $widgets_dir ]] || { echo "Qt Widgets headers not found (pass their folder)" >&2; exit 1; }

exec perl -e '
use strict; use warnings;
my ($widgetsDir) = @ARGV;
open(my $doc, "<", "docs/ARCHITECTURE.md") or die "docs/ARCHITECTURE.md: $!\n";
my (%mayUse, $inTable);
while (<$doc>) {
    $inTable = 1, next if /<!-- layering:begin -->/;
    last if /<!-- layering:end -->/;
    next unless $inTable;
    my @cells = split /\|/;
    next unless @cells > 3;
    my ($folder) = $cells[1] =~ /`([^`]+)`/ or next;
    $mayUse{$folder} = [ $cells[2] =~ /`([^`]+)`/g ];
}
my @core = grep { -d "app/core/$_" } map { s{.*/}{}r } glob("app/core/*");
for my $f (@core) {
    die "app/core/$f has no row in docs/ARCHITECTURE.md\n" unless exists $mayUse{$f};
}
my %isCore = map { $_ => 1 } @core;
my %program = (clinicdesk => "clinicdesk", relay => "relay-program", inbox => "inbox",
               sandbox => "sandbox", admin => "admin");
for my $p (values %program, "ui") {
    die "$p has no row in docs/ARCHITECTURE.md\n" unless exists $mayUse{$p};
}
my %widgets;
opendir(my $wd, $widgetsDir) or die "$widgetsDir: $!\n";
$widgets{$_} = 1 for grep { /^Q[A-Z]\w*$/ } readdir($wd);

# The folders a module may include: itself, its cell, "core" expanded.
sub allowed {
    my ($module) = @_;
    my %ok = ($module => 1);
    for my $u (@{ $mayUse{$module} }) {
        if ($u eq "core") { $ok{$_} = 1 for @core } else { $ok{$u} = 1 }
    }
    return \%ok;
}

my @files = split /\n/, `git ls-files -co --exclude-standard -- "app/*.cpp" "app/*.h" "ui/*.cpp" "ui/*.h"`;
my ($bad, $checked) = (0, 0);
for my $file (@files) {
    next unless -f $file;
    my ($module, $dir);
    if ($file =~ m{^app/core/([^/]+)/}) { ($module, $dir) = ($1, "app/core/$1"); }
    elsif ($file =~ m{^app/([^/]+)/}) {
        ($module, $dir) = ($program{$1} // die("app/$1 is not in the layering table\n"), "app/$1");
    }
    elsif ($file =~ m{^ui/}) { ($module, $dir) = ("ui", "ui"); }
    else { next; }
    my $ok = allowed($module);
    my $headless = !($module eq "ui" || $module eq "clinicdesk");
    open(my $in, "<", $file) or die "$file: $!\n";
    while (my $line = <$in>) {
        if ($line =~ /^\s*#\s*include\s+"([^"]+)"/) {
            my $inc = $1; ++$checked;
            if ($inc =~ m{^([^/]+)/}) {
                my $target = $1;
                if ($isCore{$target}) {
                    next if $ok->{$target};
                    print "$file:$.: $module may not use $target (\"$inc\"), see docs/ARCHITECTURE.md\n"; $bad = 1;
                } else {
                    print "$file:$.: \"$inc\" names no core folder\n"; $bad = 1;
                }
            } elsif ($isCore{$module}) {
                print "$file:$.: name the folder: \"$module/$inc\" (or the folder it lives in)\n"; $bad = 1;
            } elsif (!-f "$dir/$inc" && !($ok->{ui} && -f "ui/$inc")
                     && !($module eq "ui" && $inc =~ /^ui_\w+\.h$/)) {
                print "$file:$.: \"$inc\" is not a header of $dir; name its core folder\n"; $bad = 1;
            }
        } elsif ($headless && $line =~ /^\s*#\s*include\s+<(?:QtWidgets\/)?(\w+)>/) {
            my $h = $1; ++$checked;
            next unless $widgets{$h} || $h eq "QtWidgets";
            print "$file:$.: <$h> is Qt Widgets; $module is headless\n"; $bad = 1;
        }
    }
}
print "$checked includes in ", scalar(@files), " files follow docs/ARCHITECTURE.md\n" unless $bad;
die "a check that sees nothing proves nothing\n" unless $checked > 100;
exit $bad;
' "$widgets_dir"
