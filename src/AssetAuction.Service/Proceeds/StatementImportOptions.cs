namespace AssetAuction.Service.Proceeds;

/// <summary>How statements are imported (configuration section "Statements").</summary>
public sealed class StatementImportOptions
{
    public const string Section = "Statements";

    /// <summary>
    /// Lines per unit of an import. Each unit holds the journal lock while it inserts and matches its lines, so
    /// this bounds how long an import keeps other writes waiting; a larger value commits less often.
    /// </summary>
    public int ChunkLines { get; set; } = 500;
}
