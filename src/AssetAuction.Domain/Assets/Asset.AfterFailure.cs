using AssetAuction.Domain.Common;

namespace AssetAuction.Domain.Assets;

/// <summary>After a failed auction: price reduction, the creditor taking the asset, or its return to the debtor (LTHADS 104).</summary>
public sealed partial class Asset
{
    /// <summary>
    /// Reduces the starting price, by the parties' agreement or the officer's decision, by at most 10% of the
    /// previous round's starting price (LTHADS 104.5). The officer decides only once the parties' time has
    /// passed, except for debts to the state budget (104.1, 104.4).
    /// </summary>
    public void ReducePrice(PriceReduction reduction, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(reduction);
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.ReducePrice, State, Name);
        var failed = Rounds.Last(r => r.State == AuctionRoundState.Failed);
        EnsureNotBefore(reduction.DecisionDate, failed.AuctionDate, "the failed auction", "decision_date");
        var rules = context.RulesOn(reduction.DecisionDate);
        var previous = failed.StartingPrice;
        if (reduction.NewPrice >= previous)
        {
            throw DomainException.Precondition(Reasons.ReductionNotAReduction, Name, $"The new starting price must be below {previous} dong.");
        }

        var floor = previous - (long)((Int128)previous * rules.MaxReductionBasisPoints / 10_000);
        if (reduction.NewPrice < floor)
        {
            throw DomainException.Precondition(
                Reasons.ReductionTooLarge,
                Name,
                $"Each reduction is at most {rules.MaxReductionBasisPoints / 100m}% of the previous starting price {previous} dong: the new price must be at least {floor} dong (LTHADS 104.5).",
                Meta(("minimum_price", floor)));
        }

        if (!reduction.AgreedByParties && !Seizure.Case.StateBudgetDebt)
        {
            var partiesUntil = context.Due(rules.ReductionDecision, failed.AuctionDate);
            if (reduction.DecisionDate <= partiesUntil)
            {
                throw DomainException.Precondition(
                    Reasons.PartiesStillDeciding,
                    Name,
                    $"The parties have until {partiesUntil:yyyy-MM-dd} to agree a reduction; the officer decides after that (LTHADS 104.1).",
                    Meta(("parties_until", partiesUntil)));
            }
        }

        _reductions.Add(new PriceReduction
        {
            AfterRound = failed.Number,
            AgreedByParties = reduction.AgreedByParties,
            PreviousPrice = previous,
            NewPrice = reduction.NewPrice,
            DecisionNumber = reduction.DecisionNumber,
            DecisionDate = reduction.DecisionDate,
        });
        StartingPrice = reduction.NewPrice;
        MeetDeadline(DeadlineKind.PriceReduction, reduction.DecisionDate, PipelineAction.ReducePrice);
        MeetDeadline(DeadlineKind.FailureNotice, reduction.DecisionDate, PipelineAction.ReducePrice);

        // Our reading: the next round keeps the contract's window, counted again from the reduction (configurable with it).
        OpenAuctionWindow(context, reduction.DecisionDate, "the price reduction");
        MoveTo(AssetState.ReadyForAuction, PipelineAction.ReducePrice, context, $"{previous} -> {reduction.NewPrice} dong", reduction.DecisionDate);
    }

    /// <summary>
    /// From the failure of the round held at the second reduced price on, the creditor may take the asset to
    /// offset the debt; the debtor is told and has the legal time to pay everything and keep it (LTHADS 104.2).
    /// </summary>
    public void AcceptCreditorTakeover(Party creditor, DateOnly acceptedOn, DateOnly debtorNotifiedOn, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(creditor);
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.AcceptCreditorTakeover, State, Name);
        var rules = context.RulesOn(acceptedOn);
        if (FailedRounds < rules.CreditorTakeoverFromFailedRound)
        {
            throw DomainException.Precondition(
                Reasons.CreditorTakeoverTooEarly,
                Name,
                $"The creditor may take the asset once {rules.CreditorTakeoverFromFailedRound} auctions have failed (after the second reduction, LTHADS 104.2); {FailedRounds} have.",
                Meta(("failed_rounds", FailedRounds), ("required", rules.CreditorTakeoverFromFailedRound)));
        }

        EnsureNotBefore(acceptedOn, Rounds.Last(r => r.State == AuctionRoundState.Failed).AuctionDate, "the failed auction", "accepted_on");
        EnsureNotBefore(debtorNotifiedOn, acceptedOn, "the creditor's acceptance", "debtor_notified_on");
        var debtorRules = context.RulesOn(debtorNotifiedOn);
        Takeover = new CreditorTakeover
        {
            Creditor = creditor,
            Value = StartingPrice,
            AcceptedOn = acceptedOn,
            DebtorNotifiedOn = debtorNotifiedOn,
            DebtorDeadline = context.Due(debtorRules.DebtorKeepsAsset, debtorNotifiedOn),
        };
        MeetDeadline(DeadlineKind.PriceReduction, acceptedOn, PipelineAction.AcceptCreditorTakeover);
        MeetDeadline(DeadlineKind.FailureNotice, acceptedOn, PipelineAction.AcceptCreditorTakeover);
        RecordNotice(context, DeadlineKind.TakeoverNotice, rules.TakeoverNoticeToDebtor, acceptedOn, debtorNotifiedOn, rules, $"LTHADS 104.2: the debtor told within {rules.TakeoverNoticeToDebtor} of the creditor's acceptance", PipelineAction.AcceptCreditorTakeover);
        OpenDeadline(context, DeadlineKind.DebtorKeepsAsset, Takeover.DebtorDeadline, debtorRules, $"LTHADS 104.2: the debtor may pay and keep the asset within {debtorRules.DebtorKeepsAsset} of the notice", debtorNotifiedOn);
        MoveTo(AssetState.CreditorTakeoverPending, PipelineAction.AcceptCreditorTakeover, context, $"{creditor.FullName} takes it at {StartingPrice} dong", acceptedOn);
    }

    /// <summary>The debtor pays everything within its time and keeps the asset.</summary>
    public void DebtorKeepsAsset(Redemption payment, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.DebtorKeepsAsset, State, Name);
        if (payment.PaidOn > Takeover!.DebtorDeadline)
        {
            throw DomainException.Precondition(Reasons.DebtorPeriodOver, Name, $"The debtor's time to pay and keep the asset ended on {Takeover.DebtorDeadline:yyyy-MM-dd}.");
        }

        EnsureNotBefore(payment.PaidOn, Takeover.DebtorNotifiedOn, "the notice to the debtor", "paid_on");
        Redemption = payment;
        ActiveIdentityKey = null;
        Moved(Proceeds.MoneyMovement.Receipt(Proceeds.LedgerKinds.Redemption, payment.PaidOn, payment.Reference, Proceeds.LedgerAccount.RedemptionReceipts, payment.ObligationAndCosts));
        MeetDeadline(DeadlineKind.DebtorKeepsAsset, payment.PaidOn, PipelineAction.DebtorKeepsAsset);
        CancelOpenDeadlines(payment.PaidOn, PipelineAction.DebtorKeepsAsset);
        MoveTo(AssetState.Redeemed, PipelineAction.DebtorKeepsAsset, context, $"debtor paid {payment.ObligationAndCosts} dong and keeps the asset", payment.PaidOn);
    }

    /// <summary>Once the debtor's time has passed, the asset is handed to the creditor.</summary>
    public void CompleteCreditorTakeover(DateOnly handedOverOn, string minutesNumber, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.CompleteCreditorTakeover, State, Name);
        if (handedOverOn <= Takeover!.DebtorDeadline)
        {
            throw DomainException.Precondition(Reasons.DebtorPeriodRunning, Name, $"The debtor may still pay and keep the asset until {Takeover.DebtorDeadline:yyyy-MM-dd}.");
        }

        Takeover.CompletedOn = handedOverOn;
        Handover = new Handover { HandoverDate = handedOverOn, MinutesNumber = minutesNumber };
        ActiveIdentityKey = null;
        CancelOpenDeadlines(handedOverOn, PipelineAction.CompleteCreditorTakeover);
        MoveTo(AssetState.TakenByCreditor, PipelineAction.CompleteCreditorTakeover, context, $"handed to {Takeover.Creditor.FullName}", handedOverOn);
    }

    /// <summary>
    /// The reduced price is at or below the enforcement costs and the creditor refuses the asset: it goes back
    /// to the debtor, who may not trade it until the debt is paid (LTHADS 104.3). It stays recorded as seized.
    /// </summary>
    public void ReturnToDebtor(ReturnToDebtor returned, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(returned);
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.ReturnToDebtor, State, Name);
        var rules = context.RulesOn(returned.ReturnedOn);
        if (FailedRounds < rules.CreditorTakeoverFromFailedRound)
        {
            throw DomainException.Precondition(
                Reasons.ReturnTooEarly,
                Name,
                $"The asset goes back to the debtor only when the creditor, entitled to take it after {rules.CreditorTakeoverFromFailedRound} failed auctions, refuses it (LTHADS 104.2-104.3); {FailedRounds} have failed.",
                Meta(("failed_rounds", FailedRounds), ("required", rules.CreditorTakeoverFromFailedRound)));
        }

        EnsureNotBefore(returned.ReturnedOn, Rounds.Last(r => r.State == AuctionRoundState.Failed).AuctionDate, "the failed auction", "returned_on");
        if (StartingPrice > returned.EnforcementCosts)
        {
            throw DomainException.Precondition(
                Reasons.PriceAboveEnforcementCosts,
                Name,
                $"The starting price {StartingPrice} dong is above the enforcement costs {returned.EnforcementCosts} dong: reduce it further first (LTHADS 104.3).",
                Meta(("starting_price", StartingPrice)));
        }

        Returned = new ReturnToDebtor { ReturnedOn = returned.ReturnedOn, EnforcementCosts = returned.EnforcementCosts, LastStartingPrice = StartingPrice, Reason = returned.Reason };
        CancelOpenDeadlines(returned.ReturnedOn, PipelineAction.ReturnToDebtor);
        MoveTo(AssetState.ReturnedToDebtor, PipelineAction.ReturnToDebtor, context, returned.Reason, returned.ReturnedOn);
    }
}
