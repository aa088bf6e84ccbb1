;; The matrix products of a dense layer, and Adam's step, in WebAssembly with 128-bit SIMD
;; (f64x2 lanes).
;;
;; Assembled by `deno task build:wasm` (wabt from npm) into dense_wasm.ts, which Dense and
;; Adam load with `new WebAssembly.Module`; tests/nn/gemm_test.ts checks that the committed
;; binary is what this file assembles to. The TypeScript twin of every function, used where
;; WebAssembly is not available, gives the same bits: the products' in ../_gemm.ts, the Adam
;; step's in ../_adam_kernels.ts.
;;
;; One product does all of a dense layer's work (forward, weight gradient, input gradient):
;;
;;   out[r, :] = init[r, :] + sum over t with A[r, t] != 0 of A[r, t] * B[t, :]
;;
;; where A is read through two strides (so that A can be x or the transpose of x without a
;; copy) and the sum runs over t in increasing order, one product added at a time: every
;; output element is the same sequence of IEEE multiplications and additions as the plain
;; scalar loop `acc = init; for t: if (a != 0) acc += a * b`. The lanes of f64x2 hold
;; neighbouring columns j, which are independent, so vectorising changes no bit. Zero entries
;; of A (ReLU outputs, blank pixels) are skipped: their products would add exact zeros
;; against finite entries of B (against a NaN or infinite one, IEEE's would be NaN).
;;
;; All addresses are byte offsets into the exported memory; matrices are row-major f64.

(module
  (memory (export "memory") 1)

  ;; Collects the non-zero entries of one row of A as a list of 16-byte records: the value
  ;; (f64) and, 8 bytes on, the byte offset of the matching row of B (i32; the 4 bytes after it
  ;; are 0). Returns the end of the list. Branch-free: every entry is written, and only a
  ;; non-zero one advances the end (NaN counts as non-zero, -0 as zero). With $relu = 1 the row
  ;; is read as the input of a ReLU and gathered as its output: negative entries (and -Infinity)
  ;; count as zero too, and every kept entry (z > 0, or NaN) is the same value relu(z) is, so the
  ;; records are those of the row after reluForward, without writing it. Each record is one
  ;; 16-byte store, the value (loaded into the low half of a vector) or-ed with a vector that
  ;; carries the offset in its high half: one store per entry rather than two (stores, not
  ;; loads or arithmetic, bound this loop).
  (func $gather
    (param $a i32) (param $inner i32) (param $stride i32) (param $rowBytes i32)
    (param $list i32) (param $relu i32) (result i32)
    (local $offset i32) (local $last i32) (local $v i64) (local $offsets v128) (local $step v128)
    (local $pairsLast i32) (local $pair v128) (local $mask i32) (local $step2 v128)
    (local $offsets1 v128) (local $negative v128)
    ;; All ones where negative entries count as zero ($relu = 1), else all zeros.
    (local.set $negative (i32x4.splat (i32.sub (i32.const 0) (local.get $relu))))
    (local.set $last (i32.mul (local.get $inner) (local.get $rowBytes)))
    (local.set $step
      (i64x2.replace_lane 1 (v128.const i64x2 0 0) (i64.extend_i32_u (local.get $rowBytes))))
    ;; Contiguous entries (stride 8), two per loop turn while two are left: one 16-byte load
    ;; and the zero tests of both lanes at once (a bit mask), the same records as one at a time.
    (if (i32.eq (local.get $stride) (i32.const 8))
      (then
        (local.set $pairsLast
          (i32.mul (i32.and (local.get $inner) (i32.const -2)) (local.get $rowBytes)))
        (local.set $step2 (i64x2.shl (local.get $step) (i32.const 1)))
        (local.set $offsets1 (i64x2.add (local.get $offsets) (local.get $step)))
        (block $pairsDone
          (loop $pair
            (br_if $pairsDone (i32.ge_u (local.get $offset) (local.get $pairsLast)))
            (local.set $pair (v128.load (local.get $a)))
            (local.set $mask (i64x2.bitmask (v128.andnot
              (i64x2.ne (i64x2.shl (local.get $pair) (i32.const 1)) (v128.const i64x2 0 0))
              (v128.and (f64x2.lt (local.get $pair) (v128.const f64x2 0 0))
                (local.get $negative)))))
            ;; Each record is one shuffle: a value in the low half, its offset in the high.
            (v128.store (local.get $list)
              (i8x16.shuffle 0 1 2 3 4 5 6 7 24 25 26 27 28 29 30 31
                (local.get $pair) (local.get $offsets)))
            (local.set $list (i32.add (local.get $list)
              (i32.shl (i32.and (local.get $mask) (i32.const 1)) (i32.const 4))))
            (v128.store (local.get $list)
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
                (local.get $pair) (local.get $offsets1)))
            (local.set $list (i32.add (local.get $list)
              (i32.shl (i32.and (local.get $mask) (i32.const 2)) (i32.const 3))))
            (local.set $offsets (i64x2.add (local.get $offsets) (local.get $step2)))
            (local.set $offsets1 (i64x2.add (local.get $offsets1) (local.get $step2)))
            (local.set $a (i32.add (local.get $a) (i32.const 16)))
            (local.set $offset
              (i32.add (local.get $offset) (i32.shl (local.get $rowBytes) (i32.const 1))))
            (br $pair)))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $offset) (local.get $last)))
        ;; The value's bits as an integer; without the sign bit they are 0 for +0 and -0 only.
        (local.set $v (i64.load (local.get $a)))
        (v128.store (local.get $list)
          (v128.or (v128.load64_zero (local.get $a)) (local.get $offsets)))
        (local.set $list (i32.add (local.get $list)
          (i32.shl
            (i32.and (i64.ne (i64.shl (local.get $v) (i64.const 1)) (i64.const 0))
              (i32.eqz (i32.and (local.get $relu)
                (f64.lt (f64.reinterpret_i64 (local.get $v)) (f64.const 0)))))
            (i32.const 4))))
        (local.set $offsets (i64x2.add (local.get $offsets) (local.get $step)))
        (local.set $a (i32.add (local.get $a) (local.get $stride)))
        (local.set $offset (i32.add (local.get $offset) (local.get $rowBytes)))
        (br $next)))
    (local.get $list))

;; The lists of two neighbouring columns k and k + 1 of a row-major matrix at once, for
  ;; A = xᵀ (the weight gradient: row k of A is column k of x). Gathered one column at a time,
  ;; every value costs an 8-byte load from its own row of x; here one 16-byte load brings
  ;; x[i, k] and x[i, k + 1], one bit mask tests both, and each goes to its own list as a
  ;; 16-byte record, exactly the records $gather writes for each column. $a is x[0, k], $stride
  ;; the bytes from one row of x to the next, $inner the rows of x, $relu as for $gather.
  ;; Returns both list ends.
  (func $gatherColumnPair
    (param $a i32) (param $inner i32) (param $stride i32) (param $rowBytes i32)
    (param $list0 i32) (param $list1 i32) (param $relu i32) (result i32 i32)
    (local $offset i32) (local $last i32) (local $offsets v128) (local $step v128)
    (local $pair v128) (local $mask i32) (local $negative v128)
    (local.set $negative (i32x4.splat (i32.sub (i32.const 0) (local.get $relu))))
    (local.set $last (i32.mul (local.get $inner) (local.get $rowBytes)))
    (local.set $step
      (i64x2.replace_lane 1 (v128.const i64x2 0 0) (i64.extend_i32_u (local.get $rowBytes))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $offset) (local.get $last)))
        (local.set $pair (v128.load (local.get $a)))
        (local.set $mask (i64x2.bitmask (v128.andnot
          (i64x2.ne (i64x2.shl (local.get $pair) (i32.const 1)) (v128.const i64x2 0 0))
          (v128.and (f64x2.lt (local.get $pair) (v128.const f64x2 0 0)) (local.get $negative)))))
        ;; Column k's value in the low half, then column k + 1's moved down; the same offset
        ;; in the high half (each record one shuffle).
        (v128.store (local.get $list0)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 24 25 26 27 28 29 30 31
            (local.get $pair) (local.get $offsets)))
        (local.set $list0 (i32.add (local.get $list0)
          (i32.shl (i32.and (local.get $mask) (i32.const 1)) (i32.const 4))))
        (v128.store (local.get $list1)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            (local.get $pair) (local.get $offsets)))
        (local.set $list1 (i32.add (local.get $list1)
          (i32.shl (i32.and (local.get $mask) (i32.const 2)) (i32.const 3))))
        (local.set $offsets (i64x2.add (local.get $offsets) (local.get $step)))
        (local.set $a (i32.add (local.get $a) (local.get $stride)))
        (local.set $offset (i32.add (local.get $offset) (local.get $rowBytes)))
        (br $next)))
    (local.get $list0) (local.get $list1))

  ;; Sixteen columns of one output row: eight f64x2 accumulators start from init and take
  ;; the products of the records from $list to $end in order, two per loop turn.
  ;; The B row's last four f64x2 are read through $q = $p + 64 with the offsets of its first
  ;; four. Where V8 has no trap handler (Deno), it checks every load against the memory size
  ;; less that load's offset, one limit per distinct offset: four limits instead of eight stay
  ;; in registers instead of two being read from the stack on every record (about 5% on the
  ;; products of a 64-wide layer).
  (func $columns16
    (param $list i32) (param $end i32) (param $b i32) (param $init i32) (param $out i32)
    (local $s v128) (local $p i32) (local $q i32)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128) (local $c4 v128) (local $c5 v128) (local $c6 v128) (local $c7 v128)
    (local.set $c0 (v128.load offset=0 (local.get $init)))
    (local.set $c1 (v128.load offset=16 (local.get $init)))
    (local.set $c2 (v128.load offset=32 (local.get $init)))
    (local.set $c3 (v128.load offset=48 (local.get $init)))
    (local.set $c4 (v128.load offset=64 (local.get $init)))
    (local.set $c5 (v128.load offset=80 (local.get $init)))
    (local.set $c6 (v128.load offset=96 (local.get $init)))
    (local.set $c7 (v128.load offset=112 (local.get $init)))
    (block $pairs
      (loop $next
        (br_if $pairs (i32.gt_u (i32.add (local.get $list) (i32.const 32)) (local.get $end)))
        (local.set $s (v128.load64_splat offset=0 (local.get $list)))
        (local.set $p (i32.add (local.get $b) (i32.load offset=8 (local.get $list))))
        (local.set $q (i32.add (local.get $p) (i32.const 64)))
        (local.set $c0 (f64x2.add (local.get $c0)
          (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $p)))))
        (local.set $c1 (f64x2.add (local.get $c1)
          (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $p)))))
        (local.set $c2 (f64x2.add (local.get $c2)
          (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $p)))))
        (local.set $c3 (f64x2.add (local.get $c3)
          (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $p)))))
        (local.set $c4 (f64x2.add (local.get $c4)
          (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $q)))))
        (local.set $c5 (f64x2.add (local.get $c5)
          (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $q)))))
        (local.set $c6 (f64x2.add (local.get $c6)
          (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $q)))))
        (local.set $c7 (f64x2.add (local.get $c7)
          (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $q)))))
        (local.set $s (v128.load64_splat offset=16 (local.get $list)))
        (local.set $p (i32.add (local.get $b) (i32.load offset=24 (local.get $list))))
        (local.set $q (i32.add (local.get $p) (i32.const 64)))
        (local.set $c0 (f64x2.add (local.get $c0)
          (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $p)))))
        (local.set $c1 (f64x2.add (local.get $c1)
          (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $p)))))
        (local.set $c2 (f64x2.add (local.get $c2)
          (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $p)))))
        (local.set $c3 (f64x2.add (local.get $c3)
          (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $p)))))
        (local.set $c4 (f64x2.add (local.get $c4)
          (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $q)))))
        (local.set $c5 (f64x2.add (local.get $c5)
          (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $q)))))
        (local.set $c6 (f64x2.add (local.get $c6)
          (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $q)))))
        (local.set $c7 (f64x2.add (local.get $c7)
          (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $q)))))
        (local.set $list (i32.add (local.get $list) (i32.const 32)))
        (br $next)))
    (if (i32.ne (local.get $list) (local.get $end))
      (then
          (local.set $s (v128.load64_splat offset=0 (local.get $list)))
          (local.set $p (i32.add (local.get $b) (i32.load offset=8 (local.get $list))))
        (local.set $q (i32.add (local.get $p) (i32.const 64)))
          (local.set $c0 (f64x2.add (local.get $c0)
          (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $p)))))
          (local.set $c1 (f64x2.add (local.get $c1)
          (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $p)))))
          (local.set $c2 (f64x2.add (local.get $c2)
          (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $p)))))
          (local.set $c3 (f64x2.add (local.get $c3)
          (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $p)))))
          (local.set $c4 (f64x2.add (local.get $c4)
          (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $q)))))
          (local.set $c5 (f64x2.add (local.get $c5)
          (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $q)))))
          (local.set $c6 (f64x2.add (local.get $c6)
          (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $q)))))
          (local.set $c7 (f64x2.add (local.get $c7)
          (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $q)))))))
    (v128.store offset=0 (local.get $out) (local.get $c0))
    (v128.store offset=16 (local.get $out) (local.get $c1))
    (v128.store offset=32 (local.get $out) (local.get $c2))
    (v128.store offset=48 (local.get $out) (local.get $c3))
    (v128.store offset=64 (local.get $out) (local.get $c4))
    (v128.store offset=80 (local.get $out) (local.get $c5))
    (v128.store offset=96 (local.get $out) (local.get $c6))
    (v128.store offset=112 (local.get $out) (local.get $c7)))

  ;; Twenty-four columns: twelve f64x2 accumulators, as $columns16 but with a third pointer
  ;; $r = $p + 128 read through the same four offsets (the same four bounds-check limits). A
  ;; 64-wide row then takes three passes over its list (24, 24, 16) instead of four: the records
  ;; are read three times instead of four, and the products are the same operations in the same
  ;; order.
  (func $columns24
    (param $list i32) (param $end i32) (param $b i32) (param $init i32) (param $out i32)
    (local $s v128) (local $p i32) (local $q i32) (local $r i32)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128) (local $c4 v128) (local $c5 v128) (local $c6 v128) (local $c7 v128) (local $c8 v128) (local $c9 v128) (local $c10 v128) (local $c11 v128)
    (local.set $c0 (v128.load offset=0 (local.get $init)))
    (local.set $c1 (v128.load offset=16 (local.get $init)))
    (local.set $c2 (v128.load offset=32 (local.get $init)))
    (local.set $c3 (v128.load offset=48 (local.get $init)))
    (local.set $c4 (v128.load offset=64 (local.get $init)))
    (local.set $c5 (v128.load offset=80 (local.get $init)))
    (local.set $c6 (v128.load offset=96 (local.get $init)))
    (local.set $c7 (v128.load offset=112 (local.get $init)))
    (local.set $c8 (v128.load offset=128 (local.get $init)))
    (local.set $c9 (v128.load offset=144 (local.get $init)))
    (local.set $c10 (v128.load offset=160 (local.get $init)))
    (local.set $c11 (v128.load offset=176 (local.get $init)))
    (block $pairs
      (loop $next
        (br_if $pairs (i32.gt_u (i32.add (local.get $list) (i32.const 32)) (local.get $end)))
        (local.set $s (v128.load64_splat offset=0 (local.get $list)))
        (local.set $p (i32.add (local.get $b) (i32.load offset=8 (local.get $list))))
        (local.set $q (i32.add (local.get $p) (i32.const 64)))
        (local.set $r (i32.add (local.get $p) (i32.const 128)))
        (local.set $c0 (f64x2.add (local.get $c0)
          (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $p)))))
        (local.set $c1 (f64x2.add (local.get $c1)
          (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $p)))))
        (local.set $c2 (f64x2.add (local.get $c2)
          (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $p)))))
        (local.set $c3 (f64x2.add (local.get $c3)
          (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $p)))))
        (local.set $c4 (f64x2.add (local.get $c4)
          (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $q)))))
        (local.set $c5 (f64x2.add (local.get $c5)
          (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $q)))))
        (local.set $c6 (f64x2.add (local.get $c6)
          (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $q)))))
        (local.set $c7 (f64x2.add (local.get $c7)
          (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $q)))))
        (local.set $c8 (f64x2.add (local.get $c8)
          (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $r)))))
        (local.set $c9 (f64x2.add (local.get $c9)
          (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $r)))))
        (local.set $c10 (f64x2.add (local.get $c10)
          (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $r)))))
        (local.set $c11 (f64x2.add (local.get $c11)
          (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $r)))))
        (local.set $s (v128.load64_splat offset=16 (local.get $list)))
        (local.set $p (i32.add (local.get $b) (i32.load offset=24 (local.get $list))))
        (local.set $q (i32.add (local.get $p) (i32.const 64)))
        (local.set $r (i32.add (local.get $p) (i32.const 128)))
        (local.set $c0 (f64x2.add (local.get $c0)
          (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $p)))))
        (local.set $c1 (f64x2.add (local.get $c1)
          (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $p)))))
        (local.set $c2 (f64x2.add (local.get $c2)
          (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $p)))))
        (local.set $c3 (f64x2.add (local.get $c3)
          (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $p)))))
        (local.set $c4 (f64x2.add (local.get $c4)
          (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $q)))))
        (local.set $c5 (f64x2.add (local.get $c5)
          (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $q)))))
        (local.set $c6 (f64x2.add (local.get $c6)
          (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $q)))))
        (local.set $c7 (f64x2.add (local.get $c7)
          (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $q)))))
        (local.set $c8 (f64x2.add (local.get $c8)
          (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $r)))))
        (local.set $c9 (f64x2.add (local.get $c9)
          (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $r)))))
        (local.set $c10 (f64x2.add (local.get $c10)
          (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $r)))))
        (local.set $c11 (f64x2.add (local.get $c11)
          (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $r)))))
        (local.set $list (i32.add (local.get $list) (i32.const 32)))
        (br $next)))
    (if (i32.ne (local.get $list) (local.get $end))
      (then
        (local.set $s (v128.load64_splat offset=0 (local.get $list)))
        (local.set $p (i32.add (local.get $b) (i32.load offset=8 (local.get $list))))
        (local.set $q (i32.add (local.get $p) (i32.const 64)))
        (local.set $r (i32.add (local.get $p) (i32.const 128)))
        (local.set $c0 (f64x2.add (local.get $c0)
          (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $p)))))
        (local.set $c1 (f64x2.add (local.get $c1)
          (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $p)))))
        (local.set $c2 (f64x2.add (local.get $c2)
          (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $p)))))
        (local.set $c3 (f64x2.add (local.get $c3)
          (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $p)))))
        (local.set $c4 (f64x2.add (local.get $c4)
          (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $q)))))
        (local.set $c5 (f64x2.add (local.get $c5)
          (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $q)))))
        (local.set $c6 (f64x2.add (local.get $c6)
          (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $q)))))
        (local.set $c7 (f64x2.add (local.get $c7)
          (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $q)))))
        (local.set $c8 (f64x2.add (local.get $c8)
          (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $r)))))
        (local.set $c9 (f64x2.add (local.get $c9)
          (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $r)))))
        (local.set $c10 (f64x2.add (local.get $c10)
          (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $r)))))
        (local.set $c11 (f64x2.add (local.get $c11)
          (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $r)))))))
    (v128.store offset=0 (local.get $out) (local.get $c0))
    (v128.store offset=16 (local.get $out) (local.get $c1))
    (v128.store offset=32 (local.get $out) (local.get $c2))
    (v128.store offset=48 (local.get $out) (local.get $c3))
    (v128.store offset=64 (local.get $out) (local.get $c4))
    (v128.store offset=80 (local.get $out) (local.get $c5))
    (v128.store offset=96 (local.get $out) (local.get $c6))
    (v128.store offset=112 (local.get $out) (local.get $c7))
    (v128.store offset=128 (local.get $out) (local.get $c8))
    (v128.store offset=144 (local.get $out) (local.get $c9))
    (v128.store offset=160 (local.get $out) (local.get $c10))
    (v128.store offset=176 (local.get $out) (local.get $c11)))

  ;; Eight columns: four accumulators.
  (func $columns8
    (param $list i32) (param $end i32) (param $b i32) (param $init i32) (param $out i32)
    (local $s v128) (local $p i32)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local.set $c0 (v128.load offset=0 (local.get $init)))
    (local.set $c1 (v128.load offset=16 (local.get $init)))
    (local.set $c2 (v128.load offset=32 (local.get $init)))
    (local.set $c3 (v128.load offset=48 (local.get $init)))
    (block $pairs
      (loop $next
        (br_if $pairs (i32.gt_u (i32.add (local.get $list) (i32.const 32)) (local.get $end)))
        (local.set $s (v128.load64_splat offset=0 (local.get $list)))
        (local.set $p (i32.add (local.get $b) (i32.load offset=8 (local.get $list))))
        (local.set $c0 (f64x2.add (local.get $c0)
          (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $p)))))
        (local.set $c1 (f64x2.add (local.get $c1)
          (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $p)))))
        (local.set $c2 (f64x2.add (local.get $c2)
          (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $p)))))
        (local.set $c3 (f64x2.add (local.get $c3)
          (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $p)))))
        (local.set $s (v128.load64_splat offset=16 (local.get $list)))
        (local.set $p (i32.add (local.get $b) (i32.load offset=24 (local.get $list))))
        (local.set $c0 (f64x2.add (local.get $c0)
          (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $p)))))
        (local.set $c1 (f64x2.add (local.get $c1)
          (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $p)))))
        (local.set $c2 (f64x2.add (local.get $c2)
          (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $p)))))
        (local.set $c3 (f64x2.add (local.get $c3)
          (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $p)))))
        (local.set $list (i32.add (local.get $list) (i32.const 32)))
        (br $next)))
    (if (i32.ne (local.get $list) (local.get $end))
      (then
          (local.set $s (v128.load64_splat offset=0 (local.get $list)))
          (local.set $p (i32.add (local.get $b) (i32.load offset=8 (local.get $list))))
          (local.set $c0 (f64x2.add (local.get $c0)
          (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $p)))))
          (local.set $c1 (f64x2.add (local.get $c1)
          (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $p)))))
          (local.set $c2 (f64x2.add (local.get $c2)
          (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $p)))))
          (local.set $c3 (f64x2.add (local.get $c3)
          (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $p)))))))
    (v128.store offset=0 (local.get $out) (local.get $c0))
    (v128.store offset=16 (local.get $out) (local.get $c1))
    (v128.store offset=32 (local.get $out) (local.get $c2))
    (v128.store offset=48 (local.get $out) (local.get $c3)))

  ;; Ten columns (the ten classes of a classifier's last layer): five accumulators in one pass
  ;; over the records, rather than eight columns and then two (the lone accumulator of the
  ;; two-column loop waits on each addition in turn).
  (func $columns10
    (param $list i32) (param $end i32) (param $b i32) (param $init i32) (param $out i32)
    (local $s v128) (local $p i32)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128) (local $c4 v128)
    (local.set $c0 (v128.load offset=0 (local.get $init)))
    (local.set $c1 (v128.load offset=16 (local.get $init)))
    (local.set $c2 (v128.load offset=32 (local.get $init)))
    (local.set $c3 (v128.load offset=48 (local.get $init)))
    (local.set $c4 (v128.load offset=64 (local.get $init)))
    (block $pairs
      (loop $next
        (br_if $pairs (i32.gt_u (i32.add (local.get $list) (i32.const 32)) (local.get $end)))
        (local.set $s (v128.load64_splat offset=0 (local.get $list)))
        (local.set $p (i32.add (local.get $b) (i32.load offset=8 (local.get $list))))
        (local.set $c0 (f64x2.add (local.get $c0)
          (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $p)))))
        (local.set $c1 (f64x2.add (local.get $c1)
          (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $p)))))
        (local.set $c2 (f64x2.add (local.get $c2)
          (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $p)))))
        (local.set $c3 (f64x2.add (local.get $c3)
          (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $p)))))
        (local.set $c4 (f64x2.add (local.get $c4)
          (f64x2.mul (local.get $s) (v128.load offset=64 (local.get $p)))))
        (local.set $s (v128.load64_splat offset=16 (local.get $list)))
        (local.set $p (i32.add (local.get $b) (i32.load offset=24 (local.get $list))))
        (local.set $c0 (f64x2.add (local.get $c0)
          (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $p)))))
        (local.set $c1 (f64x2.add (local.get $c1)
          (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $p)))))
        (local.set $c2 (f64x2.add (local.get $c2)
          (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $p)))))
        (local.set $c3 (f64x2.add (local.get $c3)
          (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $p)))))
        (local.set $c4 (f64x2.add (local.get $c4)
          (f64x2.mul (local.get $s) (v128.load offset=64 (local.get $p)))))
        (local.set $list (i32.add (local.get $list) (i32.const 32)))
        (br $next)))
    (if (i32.ne (local.get $list) (local.get $end))
      (then
          (local.set $s (v128.load64_splat offset=0 (local.get $list)))
          (local.set $p (i32.add (local.get $b) (i32.load offset=8 (local.get $list))))
          (local.set $c0 (f64x2.add (local.get $c0)
          (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $p)))))
          (local.set $c1 (f64x2.add (local.get $c1)
          (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $p)))))
          (local.set $c2 (f64x2.add (local.get $c2)
          (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $p)))))
          (local.set $c3 (f64x2.add (local.get $c3)
          (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $p)))))
          (local.set $c4 (f64x2.add (local.get $c4)
          (f64x2.mul (local.get $s) (v128.load offset=64 (local.get $p)))))))
    (v128.store offset=0 (local.get $out) (local.get $c0))
    (v128.store offset=16 (local.get $out) (local.get $c1))
    (v128.store offset=32 (local.get $out) (local.get $c2))
    (v128.store offset=48 (local.get $out) (local.get $c3))
    (v128.store offset=64 (local.get $out) (local.get $c4)))


  ;; Two columns: one accumulator.
  (func $columns2
    (param $list i32) (param $end i32) (param $b i32) (param $init i32) (param $out i32)
    (local $c v128)
    (local.set $c (v128.load (local.get $init)))
    (block $done
      (loop $next
        (br_if $done (i32.eq (local.get $list) (local.get $end)))
        (local.set $c (f64x2.add (local.get $c)
          (f64x2.mul
            (v128.load64_splat (local.get $list))
            (v128.load (i32.add (local.get $b) (i32.load offset=8 (local.get $list)))))))
        (local.set $list (i32.add (local.get $list) (i32.const 16)))
        (br $next)))
    (v128.store (local.get $out) (local.get $c)))

  ;; The last column of an odd width: one scalar accumulator.
  (func $columns1
    (param $list i32) (param $end i32) (param $b i32) (param $init i32) (param $out i32)
    (local $c f64)
    (local.set $c (f64.load (local.get $init)))
    (block $done
      (loop $next
        (br_if $done (i32.eq (local.get $list) (local.get $end)))
        (local.set $c (f64.add (local.get $c)
          (f64.mul
            (f64.load (local.get $list))
            (f64.load (i32.add (local.get $b) (i32.load offset=8 (local.get $list)))))))
        (local.set $list (i32.add (local.get $list) (i32.const 16)))
        (br $next)))
    (f64.store (local.get $out) (local.get $c)))

  ;; One output row from column $j on: out[j..] = init[j..] + the products of the records
  ;; from $list to $end, by the widest kernels that fit (24 columns while 24 are left, then
  ;; 16, then 10 or 8, then 2 at a time, then 1).
  (func $rowColumns
    (param $list i32) (param $end i32) (param $b i32) (param $init i32) (param $out i32)
    (param $cols i32)
    (local $j i32)
    (block $wider
      (loop $next24
        (br_if $wider (i32.gt_u (i32.add (local.get $j) (i32.const 24)) (local.get $cols)))
        (call $columns24 (local.get $list) (local.get $end)
          (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3)))
          (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 3)))
          (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $j (i32.add (local.get $j) (i32.const 24)))
        (br $next24)))
    ;; Fewer than 24 columns are left: 16 fit at most once.
    (if (i32.le_u (i32.add (local.get $j) (i32.const 16)) (local.get $cols))
      (then
        (call $columns16 (local.get $list) (local.get $end)
          (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3)))
          (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 3)))
          (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))))
    (if (i32.le_u (i32.add (local.get $j) (i32.const 10)) (local.get $cols))
      (then
        (call $columns10 (local.get $list) (local.get $end)
          (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3)))
          (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 3)))
          (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $j (i32.add (local.get $j) (i32.const 10))))
      (else (if (i32.le_u (i32.add (local.get $j) (i32.const 8)) (local.get $cols))
      (then
        (call $columns8 (local.get $list) (local.get $end)
          (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3)))
          (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 3)))
          (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))))))
    (block $pairs
      (loop $next2
        (br_if $pairs (i32.gt_u (i32.add (local.get $j) (i32.const 2)) (local.get $cols)))
        (call $columns2 (local.get $list) (local.get $end)
          (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3)))
          (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 3)))
          (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $next2)))
    (if (i32.lt_u (local.get $j) (local.get $cols))
      (then
        (call $columns1 (local.get $list) (local.get $end)
          (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3)))
          (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 3)))
          (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3)))))))

  ;; out[r, :] = init[r, :] + sum over non-zero A[r, t] of A[r, t] * B[t, :], for r < $rows.
  ;; A[r, t] is at $a + r * $aRowStride + t * $aColStride (bytes); B is $inner x $cols; init
  ;; row r is at $init + r * $initStride (0: one row for all); out is $rows x $cols and may be
  ;; init itself. $scratch holds 32 * $inner bytes (8-byte aligned): two rows' lists. With
  ;; $relu = 1, A is read as relu(A) (the input of a ReLU layer stands for its output).
  ;; Where A is the transpose of a row-major x (rows of A 8 bytes apart, $aRowStride = 8),
  ;; rows go two at a time through $gatherColumnPair; the products are the same either way.
  (func (export "axpyRows")
    (param $rows i32) (param $inner i32) (param $cols i32)
    (param $a i32) (param $aRowStride i32) (param $aColStride i32)
    (param $b i32) (param $init i32) (param $initStride i32) (param $out i32)
    (param $scratch i32) (param $relu i32)
    (local $r i32) (local $end i32) (local $end1 i32) (local $scratch1 i32) (local $rowBytes i32)
    (local.set $rowBytes (i32.shl (local.get $cols) (i32.const 3)))
    (local.set $scratch1 (i32.add (local.get $scratch) (i32.shl (local.get $inner) (i32.const 4))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
        (if (i32.and (i32.eq (local.get $aRowStride) (i32.const 8))
              (i32.lt_u (i32.add (local.get $r) (i32.const 1)) (local.get $rows)))
          (then
            (call $gatherColumnPair
              (local.get $a) (local.get $inner) (local.get $aColStride) (local.get $rowBytes)
              (local.get $scratch) (local.get $scratch1) (local.get $relu))
            (local.set $end1)
            (local.set $end)
            (call $rowColumns (local.get $scratch) (local.get $end) (local.get $b)
              (local.get $init) (local.get $out) (local.get $cols))
            (call $rowColumns (local.get $scratch1) (local.get $end1) (local.get $b)
              (i32.add (local.get $init) (local.get $initStride))
              (i32.add (local.get $out) (local.get $rowBytes)) (local.get $cols))
            (local.set $a (i32.add (local.get $a) (i32.const 16)))
            (local.set $init
              (i32.add (local.get $init) (i32.shl (local.get $initStride) (i32.const 1))))
            (local.set $out (i32.add (local.get $out) (i32.shl (local.get $rowBytes) (i32.const 1))))
            (local.set $r (i32.add (local.get $r) (i32.const 2))))
          (else
            (local.set $end (call $gather
              (local.get $a) (local.get $inner) (local.get $aColStride) (local.get $rowBytes)
              (local.get $scratch) (local.get $relu)))
            (call $rowColumns (local.get $scratch) (local.get $end) (local.get $b)
              (local.get $init) (local.get $out) (local.get $cols))
            (local.set $a (i32.add (local.get $a) (local.get $aRowStride)))
            (local.set $init (i32.add (local.get $init) (local.get $initStride)))
            (local.set $out (i32.add (local.get $out) (local.get $rowBytes)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))))
        (br $row))))

    ;; One Adam step over $n values, two per instruction (the last value of an odd n alone).
  ;; Every operation is one IEEE operation in the order of the TypeScript formula in
  ;; ../adam.ts, so the bits are the same (sqrt and division are correctly rounded in both):
  ;;
  ;;   decoupled: w = w - lrDecay * w; gi = g        (lrDecay = lr * decay, formed by the caller)
  ;;   else:      gi = g + decay * w
  ;;   m = beta1 * m + oneMinusBeta1 * gi
  ;;   v = beta2 * v + oneMinusBeta2 * gi * gi      (as (oneMinusBeta2 * gi) * gi)
  ;;   w = w - lr * (m / correction1) / (sqrt(v / correction2) + epsilon)
  ;;
  ;; $w, $g, $m, $v: byte offsets of n doubles each.
  (func (export "adam")
    (param $n i32) (param $w i32) (param $g i32) (param $m i32) (param $v i32)
    (param $decoupled i32) (param $decay f64) (param $lrDecay f64)
    (param $beta1 f64) (param $oneMinusBeta1 f64) (param $beta2 f64) (param $oneMinusBeta2 f64)
    (param $lr f64) (param $correction1 f64) (param $correction2 f64) (param $epsilon f64)
    (local $o i32) (local $pairsEnd i32) (local $unbiased i32)
    (local $wi v128) (local $gi v128) (local $mi v128) (local $vi v128)
    (local $sw f64) (local $sg f64) (local $sm f64) (local $sv f64)
    (local.set $pairsEnd (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3)))
    ;; Once beta1^t is below half an ulp of 1 (t > about 350 at beta1 = 0.9), correction1 is 1
    ;; and m / correction1 is m itself, bit for bit: the pairs skip that division (one of the
    ;; four divider operations per value; the divider bounds this loop).
    (local.set $unbiased (f64.eq (local.get $correction1) (f64.const 1)))
    (block $pairsDone
      (loop $pair
        (br_if $pairsDone (i32.ge_u (local.get $o) (local.get $pairsEnd)))
        (local.set $wi (v128.load (i32.add (local.get $w) (local.get $o))))
        (local.set $gi (v128.load (i32.add (local.get $g) (local.get $o))))
        (if (local.get $decoupled)
          (then (local.set $wi (f64x2.sub (local.get $wi)
            (f64x2.mul (f64x2.splat (local.get $lrDecay)) (local.get $wi)))))
          (else (local.set $gi (f64x2.add (local.get $gi)
            (f64x2.mul (f64x2.splat (local.get $decay)) (local.get $wi))))))
        (local.set $mi (f64x2.add
          (f64x2.mul (f64x2.splat (local.get $beta1)) (v128.load (i32.add (local.get $m) (local.get $o))))
          (f64x2.mul (f64x2.splat (local.get $oneMinusBeta1)) (local.get $gi))))
        (local.set $vi (f64x2.add
          (f64x2.mul (f64x2.splat (local.get $beta2)) (v128.load (i32.add (local.get $v) (local.get $o))))
          (f64x2.mul (f64x2.mul (f64x2.splat (local.get $oneMinusBeta2)) (local.get $gi))
            (local.get $gi))))
        (v128.store (i32.add (local.get $m) (local.get $o)) (local.get $mi))
        (v128.store (i32.add (local.get $v) (local.get $o)) (local.get $vi))
        (v128.store (i32.add (local.get $w) (local.get $o)) (f64x2.sub (local.get $wi)
          (f64x2.div
            (f64x2.mul (f64x2.splat (local.get $lr))
              (if (result v128) (local.get $unbiased)
                (then (local.get $mi))
                (else (f64x2.div (local.get $mi) (f64x2.splat (local.get $correction1))))))
            (f64x2.add
              (f64x2.sqrt (f64x2.div (local.get $vi) (f64x2.splat (local.get $correction2))))
              (f64x2.splat (local.get $epsilon))))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $pair)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then
        (local.set $sw (f64.load (i32.add (local.get $w) (local.get $o))))
        (local.set $sg (f64.load (i32.add (local.get $g) (local.get $o))))
        (if (local.get $decoupled)
          (then (local.set $sw (f64.sub (local.get $sw)
            (f64.mul (local.get $lrDecay) (local.get $sw)))))
          (else (local.set $sg (f64.add (local.get $sg)
            (f64.mul (local.get $decay) (local.get $sw))))))
        (local.set $sm (f64.add
          (f64.mul (local.get $beta1) (f64.load (i32.add (local.get $m) (local.get $o))))
          (f64.mul (local.get $oneMinusBeta1) (local.get $sg))))
        (local.set $sv (f64.add
          (f64.mul (local.get $beta2) (f64.load (i32.add (local.get $v) (local.get $o))))
          (f64.mul (f64.mul (local.get $oneMinusBeta2) (local.get $sg)) (local.get $sg))))
        (f64.store (i32.add (local.get $m) (local.get $o)) (local.get $sm))
        (f64.store (i32.add (local.get $v) (local.get $o)) (local.get $sv))
        (f64.store (i32.add (local.get $w) (local.get $o)) (f64.sub (local.get $sw)
          (f64.div
            (f64.mul (local.get $lr) (f64.div (local.get $sm) (local.get $correction1)))
            (f64.add
              (f64.sqrt (f64.div (local.get $sv) (local.get $correction2)))
              (local.get $epsilon))))))))

  ;; dst = transpose(src): src is $rows x $cols, dst $cols x $rows. Two rows by two columns at
  ;; a time (two 16-byte loads, two shuffles, two 16-byte stores: a quarter of the loads and
  ;; stores of one value at a time), then an odd last column and an odd last row value by value.
  (func (export "transpose") (param $rows i32) (param $cols i32) (param $src i32) (param $dst i32)
    (local $i i32) (local $j i32) (local $s0 i32) (local $s1 i32) (local $d i32)
    (local $srcRow i32) (local $dstRow i32) (local $rowsEven i32) (local $colsEven i32)
    (local $a v128) (local $b v128)
    (local.set $srcRow (i32.shl (local.get $cols) (i32.const 3)))
    (local.set $dstRow (i32.shl (local.get $rows) (i32.const 3)))
    (local.set $rowsEven (i32.and (local.get $rows) (i32.const -2)))
    (local.set $colsEven (i32.and (local.get $cols) (i32.const -2)))
    (block $rowPairsDone
      (loop $rowPair
        (br_if $rowPairsDone (i32.ge_u (local.get $i) (local.get $rowsEven)))
        (local.set $s0 (i32.add (local.get $src) (i32.mul (local.get $i) (local.get $srcRow))))
        (local.set $s1 (i32.add (local.get $s0) (local.get $srcRow)))
        (local.set $d (i32.add (local.get $dst) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $j (i32.const 0))
        (block $columnPairsDone
          (loop $columnPair
            (br_if $columnPairsDone (i32.ge_u (local.get $j) (local.get $colsEven)))
            (local.set $a (v128.load (i32.add (local.get $s0) (i32.shl (local.get $j) (i32.const 3)))))
            (local.set $b (v128.load (i32.add (local.get $s1) (i32.shl (local.get $j) (i32.const 3)))))
            (v128.store (local.get $d)
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $a) (local.get $b)))
            (v128.store (i32.add (local.get $d) (local.get $dstRow))
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $a) (local.get $b)))
            (local.set $d (i32.add (local.get $d) (i32.shl (local.get $dstRow) (i32.const 1))))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $columnPair)))
        (if (i32.ne (local.get $j) (local.get $cols))
          (then
            (f64.store (local.get $d)
              (f64.load (i32.add (local.get $s0) (i32.shl (local.get $j) (i32.const 3)))))
            (f64.store offset=8 (local.get $d)
              (f64.load (i32.add (local.get $s1) (i32.shl (local.get $j) (i32.const 3)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $rowPair)))
    (if (i32.ne (local.get $i) (local.get $rows))
      (then
        (local.set $s0 (i32.add (local.get $src) (i32.mul (local.get $i) (local.get $srcRow))))
        (local.set $d (i32.add (local.get $dst) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $j (i32.const 0))
        (block $lastRowDone
          (loop $column
            (br_if $lastRowDone (i32.ge_u (local.get $j) (local.get $cols)))
            (f64.store (local.get $d) (f64.load (local.get $s0)))
            (local.set $s0 (i32.add (local.get $s0) (i32.const 8)))
            (local.set $d (i32.add (local.get $d) (local.get $dstRow)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $column))))))

  ;; ---------------------------------------------------------------------------------------
  ;; What a training step needs besides the products and Adam, for ../_wasm_training.ts, which
  ;; keeps a ReLU or Leaky ReLU network's whole step in this memory. Each gives the bits of its
  ;; TypeScript counterpart: every value is the same IEEE operations on the same operands.

  ;; $out = $g * (z > 0 ? 1 : $slope) over $n doubles, and NaN where z is NaN: the backward
  ;; pass of ReLU ($slope 0) or Leaky ReLU ($slope alpha) with f'(0) = $slope, as kinkLeft64 and
  ;; markNaN in ../../activations/_piecewise_linear.ts (with ReLU's slope +0, g * +0 is the
  ;; g * pair[0] of its pair (0, 1)).
  (func (export "kinkBackward")
    (param $z i32) (param $g i32) (param $out i32) (param $n i32) (param $slope f64)
    (local $o i32) (local $pairsEnd i32) (local $v v128) (local $s f64) (local $r f64)
    (local $slopes v128)
    (local.set $slopes (f64x2.splat (local.get $slope)))
    (local.set $pairsEnd (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3)))
    (block $pairsDone
      (loop $pair
        (br_if $pairsDone (i32.ge_u (local.get $o) (local.get $pairsEnd)))
        (local.set $v (v128.load (i32.add (local.get $z) (local.get $o))))
        (v128.store (i32.add (local.get $out) (local.get $o))
          (v128.bitselect
            (v128.const i64x2 0x7ff8000000000000 0x7ff8000000000000)
            (f64x2.mul (v128.load (i32.add (local.get $g) (local.get $o)))
              (v128.bitselect (v128.const f64x2 1 1) (local.get $slopes)
                (f64x2.gt (local.get $v) (v128.const f64x2 0 0))))
            (f64x2.ne (local.get $v) (local.get $v))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $pair)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then
        (local.set $s (f64.load (i32.add (local.get $z) (local.get $o))))
        (local.set $r (f64.mul (f64.load (i32.add (local.get $g) (local.get $o)))
          (select (f64.const 1) (local.get $slope) (f64.gt (local.get $s) (f64.const 0)))))
        (f64.store (i32.add (local.get $out) (local.get $o))
          (select (f64.reinterpret_i64 (i64.const 0x7ff8000000000000)) (local.get $r)
            (f64.ne (local.get $s) (local.get $s)))))))

  ;; $y = z * (z > 0 ? 1 : $slope) over $n doubles: Leaky ReLU's forward pass, as
  ;; linearForward64 in ../../activations/_piecewise_linear.ts (z times the slope of its side;
  ;; a NaN z gives z * $slope, NaN). ReLU needs no such pass: the products read it from z.
  (func (export "leakyForward") (param $z i32) (param $y i32) (param $n i32) (param $slope f64)
    (local $o i32) (local $pairsEnd i32) (local $v v128) (local $s f64) (local $slopes v128)
    (local.set $slopes (f64x2.splat (local.get $slope)))
    (local.set $pairsEnd (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3)))
    (block $pairsDone
      (loop $pair
        (br_if $pairsDone (i32.ge_u (local.get $o) (local.get $pairsEnd)))
        (local.set $v (v128.load (i32.add (local.get $z) (local.get $o))))
        (v128.store (i32.add (local.get $y) (local.get $o))
          (f64x2.mul (local.get $v)
            (v128.bitselect (v128.const f64x2 1 1) (local.get $slopes)
              (f64x2.gt (local.get $v) (v128.const f64x2 0 0)))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $pair)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then
        (local.set $s (f64.load (i32.add (local.get $z) (local.get $o))))
        (f64.store (i32.add (local.get $y) (local.get $o))
          (f64.mul (local.get $s)
            (select (f64.const 1) (local.get $slope) (f64.gt (local.get $s) (f64.const 0))))))))

  ;; For each column j of the $rows x $cols matrix $z whose byte $flags[j] is 0: 1 if some
  ;; z[i, j] is not <= 0 (> 0 or NaN; looked for down the column, stopping at the first), as
  ;; recordActivations in ../scan_activations.ts.
  (func (export "markPositive") (param $z i32) (param $rows i32) (param $cols i32) (param $flags i32)
    (local $j i32) (local $at i32) (local $end i32) (local $rowBytes i32)
    (local.set $rowBytes (i32.shl (local.get $cols) (i32.const 3)))
    (local.set $end (i32.add (local.get $z) (i32.mul (local.get $rows) (local.get $rowBytes))))
    (block $done
      (loop $column
        (br_if $done (i32.ge_u (local.get $j) (local.get $cols)))
        (if (i32.eqz (i32.load8_u (i32.add (local.get $flags) (local.get $j))))
          (then
            (local.set $at (i32.add (local.get $z) (i32.shl (local.get $j) (i32.const 3))))
            (block $found
              (loop $down
                (br_if $found (i32.ge_u (local.get $at) (local.get $end)))
                (if (i32.eqz (f64.le (f64.load (local.get $at)) (f64.const 0)))
                  (then
                    (i32.store8 (i32.add (local.get $flags) (local.get $j)) (i32.const 1))
                    (br $found)))
                (local.set $at (i32.add (local.get $at) (local.get $rowBytes)))
                (br $down)))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $column))))

  ;; The sum of the squares of $n doubles at $p, as sumOfSquares in ../clip_grad_norm.ts: four
  ;; partial sums s0..s3 (s_k over the values i = k mod 4, in order, of the first n - n % 4; two
  ;; f64x2 lanes each for s0, s1 and s2, s3), then (s0 + s1) + (s2 + s3), then the last n % 4
  ;; squares one at a time. Four chains of additions rather than one: the latency of a single
  ;; chain bounded this loop.
  (func (export "sumSquares") (param $p i32) (param $n i32) (result f64)
    (local $end i32) (local $quadsEnd i32) (local $a v128) (local $b v128) (local $v v128)
    (local $sum f64) (local $x f64)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $quadsEnd
      (i32.add (local.get $p) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 3))))
    (block $quadsDone
      (loop $quad
        (br_if $quadsDone (i32.ge_u (local.get $p) (local.get $quadsEnd)))
        (local.set $v (v128.load offset=0 (local.get $p)))
        (local.set $a (f64x2.add (local.get $a) (f64x2.mul (local.get $v) (local.get $v))))
        (local.set $v (v128.load offset=16 (local.get $p)))
        (local.set $b (f64x2.add (local.get $b) (f64x2.mul (local.get $v) (local.get $v))))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $quad)))
    (local.set $sum
      (f64.add
        (f64.add (f64x2.extract_lane 0 (local.get $a)) (f64x2.extract_lane 1 (local.get $a)))
        (f64.add (f64x2.extract_lane 0 (local.get $b)) (f64x2.extract_lane 1 (local.get $b)))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $x (f64.load (local.get $p)))
        (local.set $sum (f64.add (local.get $sum) (f64.mul (local.get $x) (local.get $x))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $next)))
    (local.get $sum))

  ;; One plain SGD step over $n doubles: w = w - lr * (g + decay * w), as ../sgd.ts without
  ;; momentum.
  (func (export "sgd") (param $n i32) (param $w i32) (param $g i32) (param $lr f64) (param $decay f64)
    (local $o i32) (local $pairsEnd i32) (local $wi v128) (local $sw f64)
    (local.set $pairsEnd (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3)))
    (block $pairsDone
      (loop $pair
        (br_if $pairsDone (i32.ge_u (local.get $o) (local.get $pairsEnd)))
        (local.set $wi (v128.load (i32.add (local.get $w) (local.get $o))))
        (v128.store (i32.add (local.get $w) (local.get $o))
          (f64x2.sub (local.get $wi)
            (f64x2.mul (f64x2.splat (local.get $lr))
              (f64x2.add (v128.load (i32.add (local.get $g) (local.get $o)))
                (f64x2.mul (f64x2.splat (local.get $decay)) (local.get $wi))))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $pair)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then
        (local.set $sw (f64.load (i32.add (local.get $w) (local.get $o))))
        (f64.store (i32.add (local.get $w) (local.get $o))
          (f64.sub (local.get $sw)
            (f64.mul (local.get $lr)
              (f64.add (f64.load (i32.add (local.get $g) (local.get $o)))
                (f64.mul (local.get $decay) (local.get $sw)))))))))

  ;; Copies rows order[0 .. $rows - 1] of the row-major matrix at $src ($rowBytes bytes a row, a
  ;; multiple of 8) to consecutive rows at $dst: the batch of a training step. $order holds i32
  ;; row numbers.
  (func (export "gatherRows")
    (param $src i32) (param $order i32) (param $rows i32) (param $rowBytes i32) (param $dst i32)
    (local $from i32) (local $o i32) (local $pairsEnd i32) (local $end i32)
    (local.set $end (i32.add (local.get $order) (i32.shl (local.get $rows) (i32.const 2))))
    (local.set $pairsEnd (i32.and (local.get $rowBytes) (i32.const -16)))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $order) (local.get $end)))
        (local.set $from (i32.add (local.get $src)
          (i32.mul (i32.load (local.get $order)) (local.get $rowBytes))))
        (local.set $o (i32.const 0))
        (block $pairsDone
          (loop $pair
            (br_if $pairsDone (i32.ge_u (local.get $o) (local.get $pairsEnd)))
            (v128.store (i32.add (local.get $dst) (local.get $o))
              (v128.load (i32.add (local.get $from) (local.get $o))))
            (local.set $o (i32.add (local.get $o) (i32.const 16)))
            (br $pair)))
        (if (i32.ne (local.get $o) (local.get $rowBytes))
          (then (i64.store (i32.add (local.get $dst) (local.get $o))
            (i64.load (i32.add (local.get $from) (local.get $o))))))
        (local.set $dst (i32.add (local.get $dst) (local.get $rowBytes)))
        (local.set $order (i32.add (local.get $order) (i32.const 4)))
        (br $row))))

  ;; The end of row $i's pass in softmaxRows, from its lane of the pair's vectors: $scale off at
  ;; the row's label in its gradient row $gRow, the row's largest logit $max and sum of
  ;; exponentials $sum at $stats, and 1 if the column of its largest logit ($best) is its label
  ;; and it holds no NaN ($nan 0), as correctCount counts a row (a row with a NaN predicts no
  ;; class); else 0.
  (func $finishRow
    (param $gRow i32) (param $labels i32) (param $i i32) (param $stats i32) (param $scale f64)
    (param $max f64) (param $sum f64) (param $best i64) (param $nan i64) (result i32)
    (local $label i32) (local $at i32)
    (local.set $label
      (i32.load (i32.add (local.get $labels) (i32.shl (local.get $i) (i32.const 2)))))
    (local.set $at (i32.add (local.get $gRow) (i32.shl (local.get $label) (i32.const 3))))
    (f64.store (local.get $at) (f64.sub (f64.load (local.get $at)) (local.get $scale)))
    (local.set $at (i32.add (local.get $stats) (i32.shl (local.get $i) (i32.const 4))))
    (f64.store (local.get $at) (local.get $max))
    (f64.store offset=8 (local.get $at) (local.get $sum))
    (i32.and (i64.eqz (local.get $nan))
      (i64.eq (local.get $best) (i64.extend_i32_s (local.get $label)))))

  ;; The gradient of softmax cross-entropy for $rows rows of $cols logits at $z (row-major) and
  ;; their labels (i32) at $labels: g = softmax(z) * $scale, less $scale at each row's label, as
  ;; softmaxCrossEntropyGrad in ../softmax_cross_entropy.ts (with $scale = 1 / rows); and, two
  ;; doubles a row at $stats, each row's largest logit and its sum of exponentials, from which
  ;; the caller computes the loss. Two rows per pass, one in each lane (an odd last row in both):
  ;; each lane does the operations of the TypeScript loop over its row, in its order (the
  ;; maximum, then the exponentials and their sum from the first column to the last, then the
  ;; scaling), so the bits are the same. Math.log, which WebAssembly lacks, is left to the caller.
  ;; Returns the number of rows whose largest logit is at their label, as correctCount in
  ;; ../accuracy.ts counts them for two or more columns (the caller's running accuracy).
  (func (export "softmaxRows")
    (param $z i32) (param $labels i32) (param $rows i32) (param $cols i32) (param $g i32)
    (param $scale f64) (param $stats i32) (result i32)
    (local $i i32) (local $i2 i32) (local $rowBytes i32) (local $a i32) (local $b i32)
    (local $ga i32) (local $gb i32) (local $o i32) (local $correct i32)
    (local $gt v128) (local $best v128) (local $column v128) (local $nan v128)
    (local $m v128) (local $v v128) (local $e v128) (local $s v128) (local $norm v128)
    (local $d v128) (local $kd v128) (local $k v128) (local $ki v128) (local $k1 v128)
    (local $hi v128) (local $lo v128) (local $r v128) (local $t v128) (local $c v128)
    (local $y v128)
    (local $invLn2 v128) (local $round v128) (local $roundBits v128) (local $ln2Hi v128)
    (local $ln2Lo v128) (local $p1 v128) (local $p2 v128) (local $p3 v128) (local $p4 v128)
    (local $p5 v128)
    (local.set $invLn2 (v128.const f64x2 1.44269504088896338700e+00 1.44269504088896338700e+00))
    (local.set $round (v128.const f64x2 6755399441055744 6755399441055744))
    (local.set $roundBits (v128.const i64x2 0x4338000000000000 0x4338000000000000))
    (local.set $ln2Hi (v128.const f64x2 6.93147180369123816490e-01 6.93147180369123816490e-01))
    (local.set $ln2Lo (v128.const f64x2 1.90821492927058770002e-10 1.90821492927058770002e-10))
    (local.set $p1 (v128.const f64x2 1.66666666666666019037e-01 1.66666666666666019037e-01))
    (local.set $p2 (v128.const f64x2 -2.77777777770155933842e-03 -2.77777777770155933842e-03))
    (local.set $p3 (v128.const f64x2 6.61375632143793436117e-05 6.61375632143793436117e-05))
    (local.set $p4 (v128.const f64x2 -1.65339022054652515390e-06 -1.65339022054652515390e-06))
    (local.set $p5 (v128.const f64x2 4.13813679705723846039e-08 4.13813679705723846039e-08))
    (local.set $rowBytes (i32.shl (local.get $cols) (i32.const 3)))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $i) (local.get $rows)))
        (local.set $i2 (select (i32.add (local.get $i) (i32.const 1)) (local.get $i)
          (i32.lt_u (i32.add (local.get $i) (i32.const 1)) (local.get $rows))))
        (local.set $a (i32.add (local.get $z) (i32.mul (local.get $i) (local.get $rowBytes))))
        (local.set $b (i32.add (local.get $z) (i32.mul (local.get $i2) (local.get $rowBytes))))
        (local.set $ga (i32.add (local.get $g) (i32.mul (local.get $i) (local.get $rowBytes))))
        (local.set $gb (i32.add (local.get $g) (i32.mul (local.get $i2) (local.get $rowBytes))))
        ;; The largest logit: z > max replaces it (a NaN never does); where it was (the first
        ;; column of the largest value, column 0 for a row of -Infinity), and whether the row
        ;; holds a NaN.
        (local.set $m (v128.const f64x2 -inf -inf))
        (local.set $best (v128.const i64x2 0 0))
        (local.set $column (v128.const i64x2 0 0))
        (local.set $nan (v128.const i64x2 0 0))
        (local.set $o (i32.const 0))
        (block $maxDone
          (loop $max
            (br_if $maxDone (i32.ge_u (local.get $o) (local.get $rowBytes)))
            (local.set $v (v128.load64_lane 1 (i32.add (local.get $b) (local.get $o))
              (v128.load64_zero (i32.add (local.get $a) (local.get $o)))))
            (local.set $gt (f64x2.gt (local.get $v) (local.get $m)))
            (local.set $m (v128.bitselect (local.get $v) (local.get $m) (local.get $gt)))
            (local.set $best (v128.bitselect (local.get $column) (local.get $best) (local.get $gt)))
            (local.set $nan (v128.or (local.get $nan) (f64x2.ne (local.get $v) (local.get $v))))
            (local.set $column (i64x2.add (local.get $column) (v128.const i64x2 1 1)))
            (local.set $o (i32.add (local.get $o) (i32.const 8)))
            (br $max)))
        ;; e = exp(z - max) into g, and their sum.
        (local.set $s (v128.const f64x2 0 0))
        (local.set $o (i32.const 0))
        (block $expDone
          (loop $exps
            (br_if $expDone (i32.ge_u (local.get $o) (local.get $rowBytes)))
            (local.set $v (v128.load64_lane 1 (i32.add (local.get $b) (local.get $o))
              (v128.load64_zero (i32.add (local.get $a) (local.get $o)))))
            (local.set $d (f64x2.sub (local.get $v) (local.get $m)))
            ;; e = e^d in both lanes: the operations of exp in ../_exp.ts, in its order, so the
            ;; same bits (see there for the method). k = d / ln 2 rounded is read twice from
            ;; kd = d / ln 2 + 1.5 * 2^52: as a double (kd less 1.5 * 2^52) and as an integer (kd's
            ;; bits less those of 1.5 * 2^52); 2^k is applied in two halves built from their
            ;; exponent bits, 2^(k >> 1) and 2^(k - (k >> 1)), which round the same product once as
            ;; the TypeScript's single power does. The lanes of NaN, of overflow and of underflow
            ;; compute garbage, then take d + d, Infinity and 0. The constants are locals set once
            ;; (V8 would otherwise build each one anew on every use).
            (local.set $kd (f64x2.add
              (f64x2.mul (local.get $d) (local.get $invLn2))
              (local.get $round)))
            (local.set $k (f64x2.sub (local.get $kd) (local.get $round)))
            (local.set $ki (i64x2.sub (local.get $kd)
              (local.get $roundBits)))
            (local.set $hi (f64x2.sub (local.get $d)
              (f64x2.mul (local.get $k) (local.get $ln2Hi))))
            (local.set $lo
              (f64x2.mul (local.get $k) (local.get $ln2Lo)))
            (local.set $r (f64x2.sub (local.get $hi) (local.get $lo)))
            (local.set $t (f64x2.mul (local.get $r) (local.get $r)))
            (local.set $c (f64x2.sub (local.get $r) (f64x2.mul (local.get $t)
              (f64x2.add (local.get $p1)
                (f64x2.mul (local.get $t)
                  (f64x2.add (local.get $p2)
                    (f64x2.mul (local.get $t)
                      (f64x2.add (local.get $p3)
                        (f64x2.mul (local.get $t)
                          (f64x2.add (local.get $p4)
                            (f64x2.mul (local.get $t)
                              (local.get $p5))))))))))))
            (local.set $y (f64x2.sub (v128.const f64x2 1 1)
              (f64x2.sub
                (f64x2.sub (local.get $lo)
                  (f64x2.div (f64x2.mul (local.get $r) (local.get $c))
                    (f64x2.sub (v128.const f64x2 2 2) (local.get $c))))
                (local.get $hi))))
            (local.set $k1 (i64x2.shr_s (local.get $ki) (i32.const 1)))
            (local.set $y (f64x2.mul
              (f64x2.mul (local.get $y)
                (i64x2.shl (i64x2.add (local.get $k1) (v128.const i64x2 1023 1023)) (i32.const 52)))
              (i64x2.shl (i64x2.add (i64x2.sub (local.get $ki) (local.get $k1)) (v128.const i64x2 1023 1023))
                (i32.const 52))))
            (local.set $y (v128.bitselect (v128.const f64x2 inf inf) (local.get $y)
              (f64x2.gt (local.get $d) (v128.const f64x2 709.782712893384 709.782712893384))))
            (local.set $y (v128.andnot (local.get $y)
              (f64x2.lt (local.get $d) (v128.const f64x2 -745.1332191019412 -745.1332191019412))))
            (local.set $e (v128.bitselect (f64x2.add (local.get $d) (local.get $d)) (local.get $y)
              (f64x2.ne (local.get $d) (local.get $d))))
            (v128.store64_lane 0 (i32.add (local.get $ga) (local.get $o)) (local.get $e))
            (v128.store64_lane 1 (i32.add (local.get $gb) (local.get $o)) (local.get $e))
            (local.set $s (f64x2.add (local.get $s) (local.get $e)))
            (local.set $o (i32.add (local.get $o) (i32.const 8)))
            (br $exps)))
        ;; g *= scale / sum.
        (local.set $norm (f64x2.div (f64x2.splat (local.get $scale)) (local.get $s)))
        (local.set $o (i32.const 0))
        (block $scaleDone
          (loop $scaling
            (br_if $scaleDone (i32.ge_u (local.get $o) (local.get $rowBytes)))
            (local.set $v (f64x2.mul
              (v128.load64_lane 1 (i32.add (local.get $gb) (local.get $o))
                (v128.load64_zero (i32.add (local.get $ga) (local.get $o))))
              (local.get $norm)))
            (v128.store64_lane 0 (i32.add (local.get $ga) (local.get $o)) (local.get $v))
            (v128.store64_lane 1 (i32.add (local.get $gb) (local.get $o)) (local.get $v))
            (local.set $o (i32.add (local.get $o) (i32.const 8)))
            (br $scaling)))
        ;; Each row's label entry, maximum, sum and count (the second row only when it is not the
        ;; first again).
        (local.set $correct (i32.add (local.get $correct)
          (call $finishRow (local.get $ga) (local.get $labels) (local.get $i) (local.get $stats)
            (local.get $scale) (f64x2.extract_lane 0 (local.get $m))
            (f64x2.extract_lane 0 (local.get $s)) (i64x2.extract_lane 0 (local.get $best))
            (i64x2.extract_lane 0 (local.get $nan)))))
        (if (i32.ne (local.get $i2) (local.get $i))
          (then
            (local.set $correct (i32.add (local.get $correct)
              (call $finishRow (local.get $gb) (local.get $labels) (local.get $i2) (local.get $stats)
                (local.get $scale) (f64x2.extract_lane 1 (local.get $m))
                (f64x2.extract_lane 1 (local.get $s)) (i64x2.extract_lane 1 (local.get $best))
                (i64x2.extract_lane 1 (local.get $nan)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pair)))
    (local.get $correct))
)
