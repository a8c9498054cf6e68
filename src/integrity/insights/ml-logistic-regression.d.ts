// ml-logistic-regression 2.0.0 ships no types; only what propensity.ts uses is declared.
declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix';

  interface TwoClassModel {
    testScores(features: Matrix): number[];
  }
  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    classifiers: TwoClassModel[];
    train(features: Matrix, target: Matrix): void;
    predict(features: Matrix): number[];
  }
}
