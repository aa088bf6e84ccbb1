;; ReLU forward on float32, four lanes at a time, in place on this module's memory.
;;
;; Assembled by `deno task build:wasm` (src/nn/_wasm/assemble.ts) into relu32_wasm.ts;
;; src/activations/_relu32_wasm.ts copies the inputs in and the outputs out in chunks, each
;; chunk starting where its copies do not alias the arrays' addresses modulo 4 KiB.
;;
;; The float32 bits, read as signed 32-bit integers, are kept where they are greater than
;; -8388608 (0xff800000, -Infinity) and cleared elsewhere: positive numbers and every NaN keep
;; their bits (a NaN's payload too), negative numbers, -0 and -Infinity give +0. The same
;; comparison as `reluBits32` in _piecewise_linear.ts, so both give the same bits.
(module
  ;; 5 pages, 320 KiB: a chunk of 65,536 elements (256 KiB) starting anywhere in the first 4 KiB.
  (memory (export "memory") 5)

  ;; relu(at, n): n elements from byte address $at, a multiple of 16 below 4096 (n rounded up
  ;; to a multiple of 4; n <= 65536).
  (func (export "relu") (param $at i32) (param $n i32)
    (local $p i32)
    (local $end i32)
    (local $v v128)
    (local.set $p (local.get $at))
    (local.set $end (i32.add (local.get $at)
      (i32.shl (i32.and (i32.add (local.get $n) (i32.const 3)) (i32.const -4)) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        (v128.store (local.get $p)
          (v128.and (local.get $v)
            (i32x4.gt_s (local.get $v)
              (v128.const i32x4 -8388608 -8388608 -8388608 -8388608))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $next)))))
