/** A table column: the row key, its title, and its alignment (default: left for the first column, else right). */
export interface TableColumn {
  key: string
  title: string
  align?: 'left' | 'right'
}

/** An integer with thin thousands separators: 1234567 → "1 234 567"; null → "–". */
export declare function formatInt(value: number | null | undefined): string
/** A number with a fixed count of decimals; null → "–". */
export declare function formatFixed(value: number | null | undefined, decimals: number): string
/** Seconds with two decimals below 100 s, one below 1000 s, none above. */
export declare function formatSeconds(value: number | null | undefined): string
/** A ratio as "1.23×"; null → "–". */
export declare function formatRatio(value: number | null | undefined): string
/** A relative change as a signed percentage: 0.052 → "+5.2 %"; null → "". */
export declare function formatChange(change: number | null | undefined): string
/** A plain-text table of already formatted cells. */
export declare function formatTable(columns: readonly TableColumn[], rows: ReadonlyArray<Record<string, string>>): string
/** The same table as GitHub Markdown. */
export declare function formatMarkdownTable(columns: readonly TableColumn[], rows: ReadonlyArray<Record<string, string>>): string
