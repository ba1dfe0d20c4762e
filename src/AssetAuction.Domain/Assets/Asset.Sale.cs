using AssetAuction.Domain.Common;

namespace AssetAuction.Domain.Assets;

/// <summary>The buyer's payment, a default, a cancelled result, and the hand-over (ND62 27.3-27.5; LTHADS 102, 103).</summary>
public sealed partial class Asset
{
    /// <summary>
    /// The money collected for the asset and held for distribution, and where it came from: a buyer's full payment
    /// (sale proceeds, named by the sale's place among the asset's sales, so a resale after a cancelled result is a
    /// different source even at the same price), or a redeeming debtor's payment of the obligation and costs
    /// (redemption receipts), which is distributed to the creditors in the same order. Null while nothing is.
    /// </summary>
    public Proceeds.CollectedMoney? CollectedForDistribution => this switch
    {
        { State: AssetState.Paid or AssetState.HandedOver, Sale: { } sale } =>
            new(sale.Paid, Proceeds.LedgerAccount.SaleProceeds, $"sale {PastSales.Count + 1} ({(sale.ToCoOwner ? "to a co-owner" : $"auction round {sale.RoundNumber}")})"),
        { State: AssetState.Redeemed, Redemption: { } redemption } =>
            new(redemption.ObligationAndCosts, Proceeds.LedgerAccount.RedemptionReceipts, "redemption"),
        _ => null,
    };

    /// <summary>A payment toward the balance. The deposit already counts; a payment above the balance is refused.</summary>
    public void RecordBuyerPayment(BuyerPayment payment, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.RecordWinnerPayment, State, Name);
        var sale = Sale!;
        if (payment.Amount > sale.Balance)
        {
            throw DomainException.Precondition(Reasons.PaymentExceedsBalance, Name, $"The balance due is {sale.Balance} dong.", Meta(("balance", sale.Balance)));
        }

        EnsureNotBefore(payment.PaidOn, sale.SaleDate, "the sale", "paid_on");
        if (payment.PaidOn > sale.PaymentDueDate)
        {
            throw DomainException.Precondition(
                Reasons.PaymentPeriodOver,
                Name,
                $"The buyer had until {sale.PaymentDueDate:yyyy-MM-dd} to pay (ND62 27.3); record the default instead.",
                Meta(("payment_due_date", sale.PaymentDueDate)));
        }

        sale.AddPayment(payment);
        Moved(Proceeds.MoneyMovement.Receipt(Proceeds.LedgerKinds.BuyerPayment, payment.PaidOn, payment.Reference, Proceeds.LedgerAccount.SaleProceeds, payment.Amount));
        if (sale.Balance > 0)
        {
            MoveTo(State, PipelineAction.RecordWinnerPayment, context, $"paid {payment.Amount}, balance {sale.Balance} dong", payment.PaidOn);
            return;
        }

        sale.FullyPaidOn = payment.PaidOn;
        MeetDeadline(DeadlineKind.WinnerPayment, payment.PaidOn, PipelineAction.RecordWinnerPayment);
        var rules = context.RulesOn(payment.PaidOn);
        OpenDeadline(context, DeadlineKind.Handover, context.Due(rules.Handover, payment.PaidOn), rules, $"ND62 27.3: hand-over within {rules.Handover} of full payment", payment.PaidOn);
        MoveTo(AssetState.Paid, PipelineAction.RecordWinnerPayment, context, $"paid in full ({sale.Price} dong)", payment.PaidOn);
    }

    /// <summary>
    /// Extends the payment time by an agreement made on <paramref name="agreedOn"/>, up to the maximum of the rule set
    /// in force on that day (2026: 60 days from the auction, Decree 152/2026 art. 65.1; legacy: no extension). An
    /// agreement made after the payment period had ended extends nothing: the buyer has defaulted by then.
    /// </summary>
    public void ExtendBuyerPayment(DateOnly newDueDate, string agreement, DateOnly agreedOn, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.ExtendWinnerPayment, State, Name);
        var sale = Sale!;
        EnsureNotBefore(agreedOn, sale.SaleDate, "the sale", "agreement_date");
        if (agreedOn > sale.PaymentDueDate)
        {
            throw DomainException.Precondition(
                Reasons.PaymentPeriodOver,
                Name,
                $"The payment period ended on {sale.PaymentDueDate:yyyy-MM-dd}, before the agreement of {agreedOn:yyyy-MM-dd}: it can no longer be extended; record the default instead.",
                Meta(("payment_due_date", sale.PaymentDueDate)));
        }

        var rules = context.RulesOn(agreedOn);
        var latest = context.Due(rules.WinnerPaymentMaxExtended, sale.SaleDate);
        if (newDueDate <= sale.PaymentDueDate || newDueDate > latest)
        {
            throw DomainException.Precondition(
                Reasons.ExtensionNotAllowed,
                Name,
                latest <= sale.PaymentDueDate
                    ? $"The rules in force on {agreedOn:yyyy-MM-dd} ({rules.Name}) allow no extension of the payment time."
                    : $"The payment time can be extended to {latest:yyyy-MM-dd} at the latest, and only later than {sale.PaymentDueDate:yyyy-MM-dd} (rules {rules.Name}).",
                Meta(("latest_due_date", latest), ("rule_set", rules.Name)));
        }

        sale.PaymentDueDate = newDueDate;
        CancelDeadline(DeadlineKind.WinnerPayment, agreedOn, PipelineAction.ExtendWinnerPayment);
        OpenDeadline(context, DeadlineKind.WinnerPayment, newDueDate, rules, $"Decree 152/2026 art. 65.1: payment extended by agreement ({agreement})", agreedOn);
        MoveTo(State, PipelineAction.ExtendWinnerPayment, context, $"payment due {newDueDate:yyyy-MM-dd}: {agreement} of {agreedOn:yyyy-MM-dd}", agreedOn);
    }

    /// <summary>
    /// The buyer refused or did not pay in time: the sale is cancelled, the deposit is forfeited (to the state
    /// budget or, from 2026, the enforcement agency) and the asset goes back to auction at the same price.
    /// </summary>
    public ForfeitedDeposit RecordBuyerDefault(DateOnly on, bool refusedInWriting, string reason, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.RecordWinnerDefault, State, Name);
        var sale = Sale!;
        EnsureNotBefore(on, sale.SaleDate, "the sale", "default_date");
        if (!refusedInWriting && on <= sale.PaymentDueDate)
        {
            throw DomainException.Precondition(Reasons.PaymentNotYetDue, Name, $"The buyer has until {sale.PaymentDueDate:yyyy-MM-dd} to pay.", Meta(("payment_due_date", sale.PaymentDueDate)));
        }

        // A written refusal of the result is an LDGTS 39.6 case: the state budget, also from 2026 (Decree 152/2026
        // art. 65.4); accepting and then not paying sends it where the rules of the day say (art. 65.5).
        var recipient = refusedInWriting ? Rules.ForfeitedDepositRecipient.StateBudget : context.RulesOn(on).ForfeitedDeposit;
        var forfeited = new ForfeitedDeposit { RoundNumber = sale.RoundNumber, Amount = sale.DepositCounted, Recipient = recipient, ForfeitedOn = on, Reason = reason };
        _forfeitedDeposits.Add(forfeited);
        var fund = recipient == Rules.ForfeitedDepositRecipient.StateBudget ? Proceeds.LedgerAccount.StateBudget : Proceeds.LedgerAccount.EnforcementAgencyFund;
        Moved(Proceeds.MoneyMovement.Between(Proceeds.LedgerKinds.DepositForfeited, on, $"round {sale.RoundNumber} deposit", Proceeds.LedgerAccount.SaleProceeds, fund, forfeited.Amount));
        Moved(Proceeds.MoneyMovement.Between(Proceeds.LedgerKinds.BuyerRefundDue, on, reason, Proceeds.LedgerAccount.SaleProceeds, Proceeds.LedgerAccount.BuyerRefunds, sale.Paid - forfeited.Amount));
        _pastSales.Add(sale.EndedAt(on));
        Sale = null;
        Handover = null;
        CancelDeadline(DeadlineKind.WinnerPayment, on, PipelineAction.RecordWinnerDefault);
        BackToSale(on, "the buyer's default", PipelineAction.RecordWinnerDefault, context, $"buyer defaulted, deposit {forfeited.Amount} dong to {forfeited.Recipient}: {reason}");
        return forfeited;
    }

    /// <summary>The sale's result is cancelled (by agreement under the auction law, or a court): the asset is dealt with again (LTHADS 102).</summary>
    public void CancelAuctionResult(string grounds, DateOnly on, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.CancelAuctionResult, State, Name);
        EnsureNotBefore(on, Sale!.SaleDate, "the sale", "cancellation_date");
        var refunded = Sale.Paid;
        Moved(Proceeds.MoneyMovement.Between(Proceeds.LedgerKinds.BuyerRefundDue, on, grounds, Proceeds.LedgerAccount.SaleProceeds, Proceeds.LedgerAccount.BuyerRefunds, refunded));
        _pastSales.Add(Sale.EndedAt(on));
        Sale = null;
        Handover = null;
        CancelDeadline(DeadlineKind.WinnerPayment, on, PipelineAction.CancelAuctionResult);
        CancelDeadline(DeadlineKind.Handover, on, PipelineAction.CancelAuctionResult);
        BackToSale(on, "the cancellation of the result", PipelineAction.CancelAuctionResult, context, $"result cancelled ({grounds}); {refunded} dong to refund to the buyer");
    }

    /// <summary>Fixes the hand-over date: within 60 days of full payment unless force majeure is stated (ND62 27.3).</summary>
    public void ScheduleHandover(DateOnly date, string forceMajeure, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.ScheduleHandover, State, Name);
        EnsureNotBefore(date, Sale!.FullyPaidOn!.Value, "the full payment", "handover_date");
        if (OpenDeadlineOf(DeadlineKind.Handover) is { } due && date > due.DueDate && string.IsNullOrWhiteSpace(forceMajeure))
        {
            throw DomainException.Precondition(
                Reasons.HandoverBeyondTimeLimit,
                Name,
                $"The hand-over must be by {due.DueDate:yyyy-MM-dd} ({due.Basis}); a later date needs the force majeure or obstacle stated.",
                Meta(("latest_handover_date", due.DueDate)));
        }

        Handover = new Handover { ScheduledDate = date };

        // The request has no date of its own for the decision: it was taken today, or, for a hand-over already past, by that day.
        var decidedOn = date < context.Today ? date : context.Today;
        MoveTo(State, PipelineAction.ScheduleHandover, context, $"hand-over on {date:yyyy-MM-dd}{(string.IsNullOrWhiteSpace(forceMajeure) ? "" : $" ({forceMajeure})")}", decidedOn);
    }

    /// <summary>The hand-over happened (with police support if the occupant refused): the sale is closed.</summary>
    public void RecordHandover(DateOnly date, string minutesNumber, bool policeSupport, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.RecordHandover, State, Name);
        EnsureNotBefore(date, Sale!.FullyPaidOn!.Value, "the full payment", "handover_date");
        Handover ??= new Handover();
        Handover.HandoverDate = date;
        Handover.MinutesNumber = minutesNumber;
        Handover.PoliceSupport = policeSupport;
        ActiveIdentityKey = null;
        MeetDeadline(DeadlineKind.Handover, date, PipelineAction.RecordHandover);
        var rules = context.RulesOn(date);
        OpenDeadline(context, DeadlineKind.PaymentToCreditors, context.Due(rules.PaymentToCreditors, date), rules, $"ND62 27.4: proceeds to the creditors within {rules.PaymentToCreditors} of the hand-over", date);
        if (IsRealEstate && rules.LandTransferFile is { } file)
        {
            OpenDeadline(context, DeadlineKind.LandTransferFile, context.Due(file, date), rules, $"Decree 152/2026 art. 69.1: transfer file to the land registration office within {file} of the hand-over", date);
        }

        MoveTo(AssetState.HandedOver, PipelineAction.RecordHandover, context, $"minutes {minutesNumber}{(policeSupport ? ", with police support" : "")}", date);
    }

    /// <summary>For land (and houses): the documents for registering the transfer were sent to the land registration office.</summary>
    public void RecordLandDocumentsSent(DateOnly sentOn, string office, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.RecordLandDocumentsSent, State, Name);
        if (!IsRealEstate)
        {
            throw DomainException.Precondition(Reasons.NotLandUseRight, Name, "Only land-use rights and houses are registered with the land registration office.");
        }

        EnsureNotBefore(sentOn, Handover!.HandoverDate!.Value, "the hand-over", "sent_on");
        Handover.LandDocumentsSentOn = sentOn;
        Handover.LandRegistrationOffice = office;
        MeetDeadline(DeadlineKind.LandTransferFile, sentOn, PipelineAction.RecordLandDocumentsSent);
        MoveTo(State, PipelineAction.RecordLandDocumentsSent, context, $"sent to {office}", sentOn);
    }

    /// <summary>
    /// An undone sale sends the asset back to be sold again: to a new round under its contract, or, after a
    /// co-owner's purchase (made before any contract), back to the auction contract step.
    /// </summary>
    private void BackToSale(DateOnly on, string basisFrom, PipelineAction action, StepContext context, string note)
    {
        if (Contract is null)
        {
            var rules = context.RulesOn(on);
            OpenDeadline(context, DeadlineKind.AuctionContract, context.Due(rules.AuctionContract, on), rules, $"LTHADS 101.2: auction contract within {rules.AuctionContract} of {basisFrom}", on);
            ReadyOn = on;
            MoveTo(AssetState.Valued, action, context, note, on);
            return;
        }

        OpenAuctionWindow(context, on, basisFrom);
        MoveTo(AssetState.ReadyForAuction, action, context, note, on);
    }

}
