namespace AssetAuction.Domain.Proceeds;

/// <summary>
/// The accounts of the office's books for seized assets. Amounts are signed: a debit is positive, a credit
/// negative, and every transaction's postings add up to zero. Stored as numbers: append, never renumber.
/// </summary>
public enum LedgerAccount
{
    /// <summary>Money the office holds in its custody account for the asset.</summary>
    Custody = 1,

    /// <summary>The sale's proceeds (credited as the buyer pays, debited when distributed or undone).</summary>
    SaleProceeds = 2,

    /// <summary>A redeeming debtor's payment of the obligation and costs.</summary>
    RedemptionReceipts = 3,

    /// <summary>Owed back to a buyer whose sale was undone (payments beyond a forfeited deposit).</summary>
    BuyerRefunds = 4,

    /// <summary>Forfeited deposits for the state budget (ND62 27.5; LDGTS 39.6).</summary>
    StateBudget = 5,

    /// <summary>Forfeited deposits for the enforcement agency (Decree 152/2026 art. 65.5).</summary>
    EnforcementAgencyFund = 6,

    EnforcementCosts = 7,

    /// <summary>Kept back for the debtor's housing (LTHADS 115.5).</summary>
    HousingKept = 8,

    /// <summary>Owed to creditors under an approved plan, per creditor.</summary>
    CreditorsPayable = 9,

    /// <summary>Enforcement fees withheld (TT216).</summary>
    EnforcementFees = 10,

    /// <summary>The surplus owed back to the debtor.</summary>
    DebtorSurplus = 11,

    /// <summary>The counterpart of money already held in custody for an asset when it was imported from the office's previous system.</summary>
    OpeningBalance = 12,
}

/// <summary>One side of a movement of money.</summary>
public sealed record Posting(LedgerAccount Account, long Amount, string CreditorId = "");

/// <summary>
/// A balanced movement of money, before it is stored: the domain says what moved, the service writes it
/// in the same transaction as the change that moved it.
/// </summary>
public sealed record MoneyMovement(string Kind, DateOnly ValueDate, string Reference, IReadOnlyList<Posting> Postings)
{
    /// <summary>Money into the custody account, credited to <paramref name="source"/>.</summary>
    public static MoneyMovement Receipt(string kind, DateOnly on, string reference, LedgerAccount source, long amount) =>
        Between(kind, on, reference, LedgerAccount.Custody, source, amount);

    /// <summary>Debits one account and credits another with the same amount.</summary>
    public static MoneyMovement Between(string kind, DateOnly on, string reference, LedgerAccount debit, LedgerAccount credit, long amount, string debitCreditor = "", string creditCreditor = "") =>
        new(kind, on, reference, [new Posting(debit, amount, debitCreditor), new Posting(credit, -amount, creditCreditor)]);

    public bool IsBalanced => Postings.Aggregate(Int128.Zero, (sum, p) => sum + p.Amount) == 0 && Postings.All(p => p.Amount != 0);
}

/// <summary>One stored posting. Immutable: a mistake is corrected by a reversing transaction, never by an edit.</summary>
public sealed class LedgerEntry
{
    private LedgerEntry()
    {
    }

    public LedgerEntry(string id, string transactionId, string office, string assetId, string caseNumber, string kind, DateOnly valueDate, string reference, Posting posting, string? reversalOf, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(posting);
        Id = id;
        TransactionId = transactionId;
        Office = office;
        AssetId = assetId;
        CaseNumber = caseNumber;
        Kind = kind;
        ValueDate = valueDate;
        Reference = reference;
        Account = posting.Account;
        CreditorId = posting.CreditorId;
        Amount = posting.Amount;
        ReversalOf = reversalOf;
        CreateTime = now;
    }

    public string Id { get; private set; } = "";

    public string TransactionId { get; private set; } = "";

    public string Office { get; private set; } = "";

    public string AssetId { get; private set; } = "";

    public string CaseNumber { get; private set; } = "";

    public string Kind { get; private set; } = "";

    public DateOnly ValueDate { get; private set; }

    /// <summary>Bank or treasury reference, matched during reconciliation.</summary>
    public string Reference { get; private set; } = "";

    public LedgerAccount Account { get; private set; }

    public string CreditorId { get; private set; } = "";

    /// <summary>Dong: positive debit, negative credit.</summary>
    public long Amount { get; private set; }

    /// <summary>The transaction this one reverses, if it is a reversal.</summary>
    public string? ReversalOf { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }
}
