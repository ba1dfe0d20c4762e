namespace AssetAuction.Domain.Proceeds;

/// <summary>A line of an office's bank or treasury statement, and the ledger transaction it was matched to.</summary>
public sealed class StatementLine
{
    private StatementLine()
    {
    }

    public StatementLine(string id, string office, string statementId, int lineNumber, string fingerprint, DateOnly valueDate, long amount, string reference, string counterparty, DateTimeOffset now, string importId)
    {
        Id = id;
        Office = office;
        StatementId = statementId;
        LineNumber = lineNumber;
        Fingerprint = fingerprint;
        ValueDate = valueDate;
        Amount = amount;
        Reference = reference;
        Counterparty = counterparty;
        ImportTime = now;
        ImportId = importId;
    }

    public string Id { get; private set; } = "";

    public string Office { get; private set; } = "";

    public string StatementId { get; private set; } = "";

    public int LineNumber { get; private set; }

    /// <summary>Date, amount, reference, counterparty and occurrence: the same line imported twice has the same one.</summary>
    public string Fingerprint { get; private set; } = "";

    public DateOnly ValueDate { get; private set; }

    /// <summary>Dong: receipts positive, payments negative.</summary>
    public long Amount { get; private set; }

    public string Reference { get; private set; } = "";

    public string Counterparty { get; private set; } = "";

    public string? MatchedTransactionId { get; private set; }

    public DateTimeOffset ImportTime { get; private set; }

    /// <summary>The request_id of the import that brought the line (empty for lines imported before it was kept).</summary>
    public string ImportId { get; private set; } = "";

    public void MatchTo(string transactionId) => MatchedTransactionId = transactionId;
}
