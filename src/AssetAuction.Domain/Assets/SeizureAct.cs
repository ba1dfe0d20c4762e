namespace AssetAuction.Domain.Assets;

/// <summary>One seizure act (biên bản kê biên): the case it serves, the debtors and the minutes.</summary>
public sealed class SeizureAct
{
    private SeizureAct()
    {
    }

    public SeizureAct(string id, EnforcementCase enforcementCase, IEnumerable<Party> debtors, DateOnly seizureDate, string minutesNumber, DateTimeOffset createTime)
    {
        Id = id;
        Case = enforcementCase;
        _debtors = [.. debtors];
        SeizureDate = seizureDate;
        MinutesNumber = minutesNumber;
        CreateTime = createTime;
    }

    public string Id { get; private set; } = "";

    public EnforcementCase Case { get; private set; } = new();

    private List<Party> _debtors = [];

    public IReadOnlyList<Party> Debtors => _debtors;

    public DateOnly SeizureDate { get; private set; }

    public string MinutesNumber { get; private set; } = "";

    public DateTimeOffset CreateTime { get; private set; }

    public string Name => ResourceNames.Seizure(Id);
}

/// <summary>The enforcement case an act belongs to.</summary>
public sealed class EnforcementCase
{
    public string CaseNumber { get; init; } = "";

    public string DecisionNumber { get; init; } = "";

    public DateOnly DecisionDate { get; init; }

    public string Office { get; init; } = "";

    public string Officer { get; init; } = "";

    /// <summary>The obligation is owed to the state budget (fines, court fees): failed auctions follow LTHADS 104.4.</summary>
    public bool StateBudgetDebt { get; init; }
}
