#!/usr/bin/env perl
# Grows a hive file to about TARGET_MB by adding keys with REG_BINARY values through the hivex library (the hive
# stays a valid regf file that hivex and Windows read): \TlsreadyBenchPadding\Gnnn\Knnnn, 1,000 keys per group,
# one 16,000-byte value each (just under the 16,344-byte single-cell limit). Used by hive-lookups.sh and
# hive-memory.sh. Usage: bench/pad-hive.pl HIVE TARGET_MB
use strict;
use warnings;
use Win::Hivex;

my ($file, $target_mb) = @ARGV;
die "usage: $0 HIVE TARGET_MB\n" unless defined $target_mb;
my $target = $target_mb * 1024 * 1024;
my $value_size = 16000;
my $per_value = 22_000;    # hivex puts each 16,000-byte value in its own 20 KB bin, plus key cells and lists
my $count = int(($target - (-s $file)) / $per_value);
exit 0 if $count <= 0;

my $h = Win::Hivex->open($file, write => 1);
my $root = $h->root();
my $pad = $h->node_get_child($root, "TlsreadyBenchPadding") // $h->node_add_child($root, "TlsreadyBenchPadding");
my $group;
for (my $i = 0; $i < $count; $i++) {
    if ($i % 1000 == 0) {
        my $name = sprintf("G%03d", $i / 1000);
        $group = $h->node_get_child($pad, $name) // $h->node_add_child($pad, $name);
    }
    my $key = $h->node_add_child($group, sprintf("K%06d", $i));
    my $data = pack("N", $i) x ($value_size / 4);
    $h->node_set_value($key, { key => "Data", t => 3, value => $data });
}
$h->commit(undef);
