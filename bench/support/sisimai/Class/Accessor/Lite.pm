package Class::Accessor::Lite;
# Minimal stand-in for the CPAN module (new, rw, ro, wo), enough for Sisimai.
use strict; use warnings;
sub import {
    my ($class, %args) = @_;
    my $pkg = caller;
    no strict 'refs';
    if ($args{new}) {
        *{"${pkg}::new"} = sub { my $c = shift; my %a = @_ == 1 ? %{$_[0]} : @_; bless {%a}, $c };
    }
    for my $n (@{ $args{rw} || [] }, @{ $args{ro} || [] }, @{ $args{wo} || [] }) {
        *{"${pkg}::$n"} = sub { my $s = shift; $s->{$n} = (@_ == 1 ? $_[0] : [@_]) if @_; $s->{$n} };
    }
}
1;
