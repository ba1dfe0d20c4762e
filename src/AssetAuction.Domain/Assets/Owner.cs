namespace AssetAuction.Domain.Assets;

/// <summary>An owner and its exact share (co-owned property is common; the shares decide who gets what).</summary>
public sealed class Owner
{
    public Party Party { get; init; } = new();

    public bool JudgmentDebtor { get; init; }

    public long ShareNumerator { get; init; }

    public long ShareDenominator { get; init; }
}
