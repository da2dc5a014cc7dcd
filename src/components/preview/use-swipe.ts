"use client";
// Horizontal swipes on an element (touch, pen or mouse), through pointer events. The element
// keeps vertical panning (touch-action: pan-y in CSS), so scrolling a long script still works;
// a swipe also swallows the click that would follow it.
import { useRef } from "react";

/** Far enough, and more sideways than up or down, to be a swipe rather than a tap or a scroll. */
const MIN_DISTANCE = 50;

export function useSwipe(onSwipe: (direction: "left" | "right") => void) {
  const start = useRef<{ id: number; x: number; y: number } | null>(null);
  const swallowClick = useRef(false);
  return {
    onPointerDown(e: React.PointerEvent) {
      if (!e.isPrimary) return;
      start.current = { id: e.pointerId, x: e.clientX, y: e.clientY };
      swallowClick.current = false;
    },
    onPointerUp(e: React.PointerEvent) {
      const s = start.current;
      start.current = null;
      if (!s || s.id !== e.pointerId) return;
      const dx = e.clientX - s.x;
      const dy = e.clientY - s.y;
      if (Math.abs(dx) >= MIN_DISTANCE && Math.abs(dx) > Math.abs(dy) * 1.5) {
        swallowClick.current = true;
        onSwipe(dx < 0 ? "left" : "right");
      }
    },
    onPointerCancel() {
      start.current = null;
    },
    onClickCapture(e: React.MouseEvent) {
      if (swallowClick.current) {
        swallowClick.current = false;
        e.stopPropagation();
        e.preventDefault();
      }
    },
  };
}
