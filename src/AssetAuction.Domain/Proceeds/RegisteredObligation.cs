namespace AssetAuction.Domain.Proceeds;

/// <summary>An obligation as registered for a case: the stored form of the distribution's <see cref="Obligation"/>.</summary>
public sealed class RegisteredObligation
{
    private RegisteredObligation()
    {
    }

    public RegisteredObligation(string id, string office, string caseNumber, Obligation obligation, string creditorIdentity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        Id = id;
        Office = office;
        CaseNumber = caseNumber;
        CreditorId = obligation.CreditorId;
        CreditorName = obligation.CreditorName;
        CreditorIdentity = creditorIdentity;
        Owed = obligation.Owed;
        Category = obligation.Category;
        StateBudget = obligation.StateBudget;
        SecuredAssetId = obligation.SecuredBy?.AssetId;
        CollateralRank = obligation.SecuredBy?.Rank ?? 0;
        HolderIsJudgmentCreditor = obligation.SecuredBy?.HolderIsJudgmentCreditor ?? true;
        RequestedOn = obligation.RequestedOn;
        EnforcementDecision = obligation.EnforcementDecision;
        Judgment = obligation.Judgment;
        ReceivedBefore = obligation.ReceivedBefore;
        FeeChargedBefore = obligation.FeeChargedBefore;
        CreateTime = now;
    }

    public string Id { get; private set; } = "";

    public string Office { get; private set; } = "";

    public string CaseNumber { get; private set; } = "";

    public string CreditorId { get; private set; } = "";

    public string CreditorName { get; private set; } = "";

    /// <summary>Citizen identity number or enterprise code of the creditor.</summary>
    public string CreditorIdentity { get; private set; } = "";

    public long Owed { get; private set; }

    public ObligationCategory Category { get; private set; }

    public bool StateBudget { get; private set; }

    public string? SecuredAssetId { get; private set; }

    public int CollateralRank { get; private set; }

    public bool HolderIsJudgmentCreditor { get; private set; } = true;

    public DateOnly? RequestedOn { get; private set; }

    public string EnforcementDecision { get; private set; } = "";

    public string Judgment { get; private set; } = "";

    public long ReceivedBefore { get; private set; }

    public long FeeChargedBefore { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public string Name => "obligations/" + Id;

    /// <summary>The obligation as the distribution computes with it.</summary>
    public Obligation ToCalculation() => new()
    {
        CreditorId = CreditorId,
        CreditorName = CreditorName,
        Owed = Owed,
        Category = Category,
        StateBudget = StateBudget,
        SecuredBy = SecuredAssetId is null ? null : new Collateral { AssetId = SecuredAssetId, Rank = CollateralRank, HolderIsJudgmentCreditor = HolderIsJudgmentCreditor },
        RequestedOn = RequestedOn,
        EnforcementDecision = EnforcementDecision,
        Judgment = Judgment,
        ReceivedBefore = ReceivedBefore,
        FeeChargedBefore = FeeChargedBefore,
    };
}
