export declare function makeDoc(version: number): string;
