export * from './types'
export * from './catalogue'
export * from './describe'
export * from './method-advice'
