using AssetAuction.Domain.Common;

namespace AssetAuction.Domain.Assets;

/// <summary>The buyer's payment, a default, a cancelled result, and the hand-over (ND62 27.3-27.5; LTHADS 102, 103).</summary>
public sealed partial class Asset
{
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

        sale.Payments.Add(payment);
        Moved(Proceeds.MoneyMovement.Receipt("buyer_payment", payment.PaidOn, payment.Reference, Proceeds.LedgerAccount.SaleProceeds, payment.Amount));
        if (sale.Balance > 0)
        {
            MoveTo(State, PipelineAction.RecordWinnerPayment, context, $"paid {payment.Amount}, balance {sale.Balance} dong");
            return;
        }

        sale.FullyPaidOn = payment.PaidOn;
        MeetDeadline(DeadlineKind.WinnerPayment, payment.PaidOn, PipelineAction.RecordWinnerPayment);
        var rules = context.RulesOn(payment.PaidOn);
        OpenDeadline(context, DeadlineKind.Handover, context.Due(rules.Handover, payment.PaidOn), rules, $"ND62 27.3: hand-over within {rules.Handover} of full payment");
        MoveTo(AssetState.Paid, PipelineAction.RecordWinnerPayment, context, $"paid in full ({sale.Price} dong)");
    }

    /// <summary>Extends the payment time by agreement, up to the rule set's maximum (2026: 60 days; legacy: no extension).</summary>
    public void ExtendBuyerPayment(DateOnly newDueDate, string agreement, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.ExtendWinnerPayment, State, Name);
        var sale = Sale!;
        var rules = context.RulesOn(context.Today);
        var latest = context.Due(rules.WinnerPaymentMaxExtended, sale.SaleDate);
        if (newDueDate <= sale.PaymentDueDate || newDueDate > latest)
        {
            throw DomainException.Precondition(
                Reasons.ExtensionNotAllowed,
                Name,
                latest <= sale.PaymentDueDate
                    ? $"The rules in force ({rules.Name}) allow no extension of the payment time."
                    : $"The payment time can be extended to {latest:yyyy-MM-dd} at the latest, and only later than {sale.PaymentDueDate:yyyy-MM-dd}.",
                Meta(("latest_due_date", latest)));
        }

        sale.PaymentDueDate = newDueDate;
        CancelDeadline(DeadlineKind.WinnerPayment, context, PipelineAction.ExtendWinnerPayment);
        OpenDeadline(context, DeadlineKind.WinnerPayment, newDueDate, rules, $"Decree 152/2026 art. 65.1: payment extended by agreement ({agreement})");
        MoveTo(State, PipelineAction.ExtendWinnerPayment, context, $"payment due {newDueDate:yyyy-MM-dd}: {agreement}");
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
        ForfeitedDeposits.Add(forfeited);
        var fund = recipient == Rules.ForfeitedDepositRecipient.StateBudget ? Proceeds.LedgerAccount.StateBudget : Proceeds.LedgerAccount.EnforcementAgencyFund;
        Moved(Proceeds.MoneyMovement.Between("deposit_forfeited", on, $"round {sale.RoundNumber} deposit", Proceeds.LedgerAccount.SaleProceeds, fund, forfeited.Amount));
        Moved(Proceeds.MoneyMovement.Between("buyer_refund_due", on, reason, Proceeds.LedgerAccount.SaleProceeds, Proceeds.LedgerAccount.BuyerRefunds, sale.Paid - forfeited.Amount));
        PastSales.Add(sale);
        Sale = null;
        Handover = null;
        CancelDeadline(DeadlineKind.WinnerPayment, context, PipelineAction.RecordWinnerDefault);
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
        Moved(Proceeds.MoneyMovement.Between("buyer_refund_due", on, grounds, Proceeds.LedgerAccount.SaleProceeds, Proceeds.LedgerAccount.BuyerRefunds, refunded));
        PastSales.Add(Sale);
        Sale = null;
        Handover = null;
        CancelDeadline(DeadlineKind.WinnerPayment, context, PipelineAction.CancelAuctionResult);
        CancelDeadline(DeadlineKind.Handover, context, PipelineAction.CancelAuctionResult);
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
        MoveTo(State, PipelineAction.ScheduleHandover, context, $"hand-over on {date:yyyy-MM-dd}{(string.IsNullOrWhiteSpace(forceMajeure) ? "" : $" ({forceMajeure})")}");
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
        OpenDeadline(context, DeadlineKind.PaymentToCreditors, context.Due(rules.PaymentToCreditors, date), rules, $"ND62 27.4: proceeds to the creditors within {rules.PaymentToCreditors} of the hand-over");
        if (IsRealEstate && rules.LandTransferFile is { } file)
        {
            OpenDeadline(context, DeadlineKind.LandTransferFile, context.Due(file, date), rules, $"Decree 152/2026 art. 69.1: transfer file to the land registration office within {file} of the hand-over");
        }

        MoveTo(AssetState.HandedOver, PipelineAction.RecordHandover, context, $"minutes {minutesNumber}{(policeSupport ? ", with police support" : "")}");
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
        MoveTo(State, PipelineAction.RecordLandDocumentsSent, context, $"sent to {office}");
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
            OpenDeadline(context, DeadlineKind.AuctionContract, context.Due(rules.AuctionContract, on), rules, $"LTHADS 101.2: auction contract within {rules.AuctionContract} of {basisFrom}");
            ReadyOn = on;
            MoveTo(AssetState.Valued, action, context, note);
            return;
        }

        OpenAuctionWindow(context, on, basisFrom);
        MoveTo(AssetState.ReadyForAuction, action, context, note);
    }

}
