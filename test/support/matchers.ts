import { expect } from 'vitest'

/*
 * Vitest's asymmetric matchers, typed as the value each stands in for: vitest types them `any`,
 * which would make every expected object that holds one `any` too.
 */
export const anyString = (): string => expect.any(String) as string
export const anyNumber = (): number => expect.any(Number) as number
export const anyObject = (): object => expect.any(Object) as object
export const stringContaining = (text: string): string => expect.stringContaining(text) as string
export const stringMatching = (pattern: RegExp): string => expect.stringMatching(pattern) as string
export const objectContaining = <T extends object>(expected: T): T => expect.objectContaining<unknown>(expected) as T
export function arrayContaining<T>(expected: T[]): T[] {
  const items: unknown[] = expected
  return expect.arrayContaining(items) as T[]
}
