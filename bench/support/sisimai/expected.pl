# Expected results for bench/bounceCorpus.ts, from Sisimai (p5-sisimai) itself: one JSON line per
# message file with every result's reason, recipient and status. Usage:
#   perl -I<p5-sisimai>/lib -I bench/support/sisimai bench/support/sisimai/expected.pl DIR/*.eml > expected.jsonl
# Class/Accessor/Lite.pm beside this file is a minimal stand-in for the CPAN module Sisimai uses.
# Note: p5-sisimai v5.1.0p3's Sisimai::rise passes its "vacation" option as 'vaction' (a typo), so
# auto-replies are only reported once that key is corrected in the copy used (sed on lib/Sisimai.pm).
use strict; use warnings;
use Sisimai; use JSON;
binmode STDOUT, ':utf8';
for my $f (@ARGV) {
    my $r = eval { Sisimai->rise($f, delivered => 1, vacation => 1) } || [];
    my @out = map { {
        reason => $_->reason, recipient => $_->recipient->address, status => $_->deliverystatus,
        action => $_->action, replycode => $_->replycode, hardbounce => $_->hardbounce ? 1 : 0,
        feedbacktype => $_->feedbacktype,
    } } @$r;
    my ($base) = $f =~ m{([^/]+)$};
    print JSON->new->canonical->encode({ file => $base, results => \@out, error => ($@ ? "$@" : undef) }), "\n";
}
