namespace AssetAuction.Domain.Statistics;

/// <summary>A statutory time limit as the report counts it: due day, the day it was met or dropped, and the rule set.</summary>
public sealed record DeadlineFact(string Office, DateOnly DueDate, DateOnly? ClosedOn, bool Cancelled, string RuleSet);

/// <summary>What the registered creditors of a case are owed (its obligations, RegisterObligation).</summary>
public sealed record CaseDebt(string Office, string CaseNumber, long Owed);

/// <summary>Where a payout under a distribution plan went.</summary>
public enum PayoutKind
{
    Creditor = 1,
    Fee = 2,
    Surplus = 3,
}

/// <summary>
/// Money that left custody for a payee on a legal date, as it stands on the ledger: a payout is positive, a
/// correction that brought the money back is negative on its own value date.
/// </summary>
public sealed record PayoutFact(string Office, string CaseNumber, DateOnly PaidOn, PayoutKind Kind, long Amount);

/// <summary>The thresholds of the named problem groups (configuration; defaults from the agencies' reports).</summary>
public sealed record ProblemThresholds(long LargeSum = 20_000_000_000, int OldCaseYears = 3, int StuckDays = 180);

/// <summary>Everything one report is computed from: the facts of the offices in scope.</summary>
public sealed record ReportInputs(
    IReadOnlyList<AssetFact> Assets,
    IReadOnlyList<DeadlineFact> Deadlines,
    IReadOnlyList<CaseDebt> Debts,
    IReadOnlyList<PayoutFact> Payouts,
    ProblemThresholds Thresholds);
