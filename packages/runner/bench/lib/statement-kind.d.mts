/** A short name for a SQL statement: `INSERT <table>`, `INSERT … SELECT <table>`, `SELECT … FROM <table> [FINAL]`, or its first two words. */
export declare function statementKind(sql: string): string
