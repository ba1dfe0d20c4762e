namespace AssetAuction.Domain.Assets;

public enum ValuationMethod
{
    Unspecified = 0,

    /// <summary>The parties agreed the price (LTHADS 98.1).</summary>
    Agreed = 1,

    /// <summary>A valuation organization appraised it under contract (LTHADS 98.2).</summary>
    Appraisal = 2,

    /// <summary>The officer set it: no contract possible, perishable or small value (LTHADS 98.3).</summary>
    OfficerDecision = 3,
}

/// <summary>A valuation or re-valuation of the asset.</summary>
public sealed class Valuation
{
    public ValuationMethod Method { get; init; }

    public bool Revaluation { get; init; }

    public long Price { get; init; }

    public string OrganizationName { get; init; } = "";

    public string ContractNumber { get; init; } = "";

    public DateOnly? ContractDate { get; init; }

    /// <summary>Appraisal certificate number, or the agreement / decision number.</summary>
    public string DocumentNumber { get; init; } = "";

    /// <summary>The day the price became known (agreement, certificate or decision date).</summary>
    public DateOnly ResultDate { get; init; }

    /// <summary>The day the parties were notified of the result (starts the re-valuation window).</summary>
    public DateOnly NotifiedDate { get; init; }
}

/// <summary>A party's request for re-valuation (LTHADS 99), allowed once.</summary>
public sealed class RevaluationRequest
{
    public string RequestedBy { get; init; } = "";

    public DateOnly RequestDate { get; init; }
}

/// <summary>The auction service contract.</summary>
public sealed class AuctionContract
{
    public string OrganizationId { get; init; } = "";

    public string OrganizationName { get; init; } = "";

    public string ContractNumber { get; init; } = "";

    public DateOnly ContractDate { get; init; }
}

/// <summary>A co-owner's answer to the offer to buy the debtor's share first (ND62 27.1).</summary>
public sealed class CoOwnerAnswer
{
    public string CoOwnerName { get; init; } = "";

    public bool Accepted { get; init; }

    public DateOnly AnswerDate { get; init; }
}

/// <summary>A payment by the buyer toward the price.</summary>
public sealed class BuyerPayment
{
    public long Amount { get; init; }

    public DateOnly PaidOn { get; init; }

    public string Reference { get; init; } = "";
}

/// <summary>An open or completed sale: to an auction winner or a co-owner.</summary>
public sealed class Sale
{
    public int RoundNumber { get; init; }

    public bool ToCoOwner { get; init; }

    public Party Buyer { get; init; } = new();

    public long Price { get; init; }

    /// <summary>The deposit, which counts toward the price (LDGTS 39.5).</summary>
    public long DepositCounted { get; init; }

    public DateOnly SaleDate { get; init; }

    public DateOnly PaymentDueDate { get; internal set; }

    private List<BuyerPayment> _payments = [];

    /// <summary>The buyer's payments; added only with <see cref="Asset.RecordBuyerPayment"/>, which posts each to the ledger.</summary>
    public IReadOnlyList<BuyerPayment> Payments => _payments;

    public DateOnly? FullyPaidOn { get; internal set; }

    /// <summary>
    /// The legal date the sale ended (the buyer's default, or the result's cancellation), when it moved to the
    /// past sales. The statistics need it to see the asset as it was on a past day. Sales ended before this was
    /// recorded have none.
    /// </summary>
    public DateOnly? EndedOn { get; private set; }

    public long Paid => DepositCounted + Payments.Sum(p => p.Amount);

    public long Balance => Price - Paid;

    internal void AddPayment(BuyerPayment payment) => _payments.Add(payment);

    /// <summary>
    /// This sale as it ended on <paramref name="on"/>, for the past sales: a copy with its own buyer and payments, so
    /// the open sale that is dropped and the past sale that is kept are never one object held in two places.
    /// </summary>
    internal Sale EndedAt(DateOnly on)
    {
        var ended = new Sale
        {
            RoundNumber = RoundNumber,
            ToCoOwner = ToCoOwner,
            Buyer = Buyer.Copy(),
            Price = Price,
            DepositCounted = DepositCounted,
            SaleDate = SaleDate,
            PaymentDueDate = PaymentDueDate,
            FullyPaidOn = FullyPaidOn,
            EndedOn = on,
        };
        ended._payments.AddRange(_payments.Select(p => new BuyerPayment { Amount = p.Amount, PaidOn = p.PaidOn, Reference = p.Reference }));
        return ended;
    }
}

/// <summary>A deposit lost by a winner who did not pay (ND62 27.5; Decree 152/2026 art. 65.5).</summary>
public sealed class ForfeitedDeposit
{
    public int RoundNumber { get; init; }

    public long Amount { get; init; }

    public Rules.ForfeitedDepositRecipient Recipient { get; init; }

    public DateOnly ForfeitedOn { get; init; }

    public string Reason { get; init; } = "";
}

/// <summary>The hand-over to the buyer.</summary>
public sealed class Handover
{
    public DateOnly? ScheduledDate { get; internal set; }

    public DateOnly? HandoverDate { get; internal set; }

    public string MinutesNumber { get; internal set; } = "";

    /// <summary>Enforced with police support because the occupant refused (LTHADS 115).</summary>
    public bool PoliceSupport { get; internal set; }

    public DateOnly? LandDocumentsSentOn { get; internal set; }

    public string LandRegistrationOffice { get; internal set; } = "";
}

/// <summary>The debtor took the asset back by paying everything (LTHADS 101.5), or kept it in the takeover path.</summary>
public sealed class Redemption
{
    public DateOnly PaidOn { get; init; }

    public long ObligationAndCosts { get; init; }

    /// <summary>Registered bidders' reasonable costs reimbursed by the debtor.</summary>
    public long BidderCostsReimbursed { get; init; }

    public string Reference { get; init; } = "";

    /// <summary>True when it happened during the creditor's takeover (the debtor kept the asset).</summary>
    public bool DuringCreditorTakeover { get; init; }
}

/// <summary>The creditor's taking of the asset to offset the debt (LTHADS 104.2).</summary>
public sealed class CreditorTakeover
{
    public Party Creditor { get; init; } = new();

    /// <summary>The value at which it is taken: the last starting price.</summary>
    public long Value { get; init; }

    public DateOnly AcceptedOn { get; init; }

    public DateOnly DebtorNotifiedOn { get; init; }

    public DateOnly DebtorDeadline { get; init; }

    public DateOnly? CompletedOn { get; internal set; }
}

/// <summary>Returned to the debtor: reduced price at or below the costs, creditor refused (LTHADS 104.3).</summary>
public sealed class ReturnToDebtor
{
    public DateOnly ReturnedOn { get; init; }

    public long EnforcementCosts { get; init; }

    public long LastStartingPrice { get; init; }

    public string Reason { get; init; } = "";
}

/// <summary>A price reduction after a failed round (LTHADS 104).</summary>
public sealed class PriceReduction
{
    public int AfterRound { get; init; }

    public bool AgreedByParties { get; init; }

    public long PreviousPrice { get; init; }

    public long NewPrice { get; init; }

    public string DecisionNumber { get; init; } = "";

    public DateOnly DecisionDate { get; init; }
}

/// <summary>One line of the asset's history.</summary>
public sealed class HistoryEntry
{
    /// <summary>When the act was recorded in the service.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>The act's legal date (Vietnam's calendar); null on lines recorded before legal dates were kept.</summary>
    public DateOnly? LegalDate { get; init; }

    /// <summary>Keyed in more than the configured number of working days after <see cref="LegalDate"/>.</summary>
    public bool RecordedLate { get; init; }

    public string Action { get; init; } = "";

    public AssetState FromState { get; init; }

    public AssetState ToState { get; init; }

    public string Actor { get; init; } = "";

    public string Note { get; init; } = "";

    /// <summary>
    /// The import (imports/{id}) that took the act in from the office's previous system; null for an act keyed in
    /// here. An imported act is not recorded late: it was recorded on time, elsewhere.
    /// </summary>
    public string? Import { get; init; }
}
