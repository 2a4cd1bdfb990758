//! The frame's memory allocator: a bump allocator that never frees.
//!
//! A widget frame renders once, from a few kilobytes of JSON, and then only
//! reports its height: it allocates little in total, so reusing freed memory
//! is not worth dlmalloc's ~8 KB of code in a payload held to 40 KB brotli.
//! Memory grows in 64 KiB wasm pages as needed.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::Cell;

const PAGE: usize = 64 * 1024;

pub struct Bump {
    /// The next free address; 0 until the first allocation.
    next: Cell<usize>,
    /// The end of the memory this allocator has grown into.
    end: Cell<usize>,
}

// wasm32 without threads: one thread, so the Cells are never shared.
unsafe impl Sync for Bump {}

impl Bump {
    pub const fn new() -> Bump {
        Bump {
            next: Cell::new(0),
            end: Cell::new(0),
        }
    }
}

unsafe impl GlobalAlloc for Bump {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let align = layout.align();
        let start = (self.next.get() + align - 1) & !(align - 1);
        let Some(new_next) = start.checked_add(layout.size()) else {
            return core::ptr::null_mut();
        };
        if self.next.get() == 0 || new_next > self.end.get() {
            // Fresh pages, placed after everything so far.
            let pages = (layout.size() + align).div_ceil(PAGE);
            let first = core::arch::wasm32::memory_grow(0, pages);
            if first == usize::MAX {
                return core::ptr::null_mut();
            }
            let base = first * PAGE;
            let start = (base + align - 1) & !(align - 1);
            self.next.set(start + layout.size());
            self.end.set(base + pages * PAGE);
            return start as *mut u8;
        }
        self.next.set(new_next);
        start as *mut u8
    }

    unsafe fn dealloc(&self, _ptr: *mut u8, _layout: Layout) {}
}
