/** A run stopped at its time limit: not a missing number, but one known to be at least `atLeast`. */
export class LimitError extends Error {
  override readonly name = 'LimitError'

  constructor(message: string, readonly atLeast: number) {
    super(message)
  }
}
