namespace AssetAuction.Service.Data;

/// <summary>A statement of a prepared write: its SQL, its parameters in value order, and whether it must change exactly one row.</summary>
internal interface IRowStatement
{
    string Text { get; }

    IReadOnlyList<InsertPlan.Column> Parameters { get; }

    /// <summary>An UPDATE that finds no row (another write changed its version, or removed it) is a lost race, as in EF Core.</summary>
    bool MustChangeOneRow { get; }
}
