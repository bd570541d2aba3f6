import { v7 } from 'uuid';

/**
 * UUIDv7 (RFC 9562, method 1): 48-bit millisecond time, then a counter seeded at random each
 * millisecond (the `uuid` package keeps it per process), so ids made one after another sort
 * in the order they were made, also within one millisecond and when the clock steps back.
 */
export function uuidv7(): string {
  return v7();
}
