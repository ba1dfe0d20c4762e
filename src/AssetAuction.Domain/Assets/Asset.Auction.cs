using AssetAuction.Domain.Common;

namespace AssetAuction.Domain.Assets;

/// <summary>The auction contract and rounds: scheduling under the law's limits, changes before the auction, redemption, results.</summary>
public sealed partial class Asset
{
    /// <summary>Signs the auction service contract with an organization (LTHADS 101.2).</summary>
    public void SignAuctionContract(AuctionContract contract, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.SignAuctionContract, State, Name);
        EnsureNotBefore(contract.ContractDate, ReadyOn ?? Valuations[^1].ResultDate, ReadyOn is null ? "the valuation" : "the previous step", "contract_date");
        Contract = contract;
        MeetDeadline(DeadlineKind.AuctionContract, contract.ContractDate, PipelineAction.SignAuctionContract);

        // A replacement contract starts a new window.
        CancelDeadline(DeadlineKind.AuctionHeld, contract.ContractDate, PipelineAction.SignAuctionContract);
        OpenAuctionWindow(context, contract.ContractDate, "the auction contract");
        MoveTo(AssetState.ReadyForAuction, PipelineAction.SignAuctionContract, context, $"{contract.OrganizationName}, contract {contract.ContractNumber}", contract.ContractDate);
    }

    /// <summary>
    /// Schedules the next round. Refused when the notice is shorter than the law's minimum for the kind of
    /// asset (LDGTS 35.1), the date is beyond the window after the contract (LTHADS 101.2), or the deposit
    /// is outside 5%-20% of the starting price (LDGTS 39.1).
    /// </summary>
    public AuctionRound ScheduleAuctionRound(AuctionRoundPlan plan, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.ScheduleAuctionRound, State, Name);
        CheckPlan(plan, context, checkWindow: true);
        EnsureCoOwnersHadTheirTurn(plan.PostingDate, context);
        var round = new AuctionRound(context.NewId(), this, HeldRounds + 1, plan);
        round.Touch(context.Now);
        _rounds.Add(round);
        MoveTo(AssetState.AuctionScheduled, PipelineAction.ScheduleAuctionRound, context, $"round {round.Number} on {plan.AuctionDate:yyyy-MM-dd}", plan.PostingDate);
        return round;
    }

    /// <summary>Postpones the open round to a new date (the notice rule applies again), or suspends it, with a reason.</summary>
    public AuctionRound ChangeAuctionRound(bool suspend, AuctionRoundPlan? newPlan, string reason, StepContext context, DateOnly? decisionDate = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.ChangeAuctionRound, State, Name);
        var round = OpenRound!;
        var decidedOn = decisionDate ?? context.Today;
        EnsureNotBefore(decidedOn, ReadyOn ?? Contract!.ContractDate, "the step that made the asset ready for auction", "decision_date");
        if (suspend)
        {
            round.Suspend(reason, context.Now);
        }
        else
        {
            ArgumentNullException.ThrowIfNull(newPlan);

            // A postponement is a lawful reason to pass the window (LTHADS 48); the notice must still be long enough.
            CheckPlan(newPlan, context, checkWindow: false);
            round.Postpone(newPlan, reason, context.Now);
        }

        MoveTo(State, PipelineAction.ChangeAuctionRound, context, $"round {round.Number} {(suspend ? "suspended" : "postponed")}: {reason}", decidedOn);
        return round;
    }

    /// <summary>Cancels the open round; the asset waits for a new one.</summary>
    public AuctionRound CancelAuctionRound(string reason, StepContext context, DateOnly? decisionDate = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.CancelAuctionRound, State, Name);
        var round = OpenRound!;
        var decidedOn = decisionDate ?? context.Today;
        EnsureNotBefore(decidedOn, ReadyOn ?? Contract!.ContractDate, "the step that made the asset ready for auction", "decision_date");
        round.Cancel(reason, context.Now);
        MoveTo(AssetState.ReadyForAuction, PipelineAction.CancelAuctionRound, context, $"round {round.Number} cancelled: {reason}", decidedOn);
        return round;
    }

    /// <summary>
    /// The debtor takes the asset back by paying the whole obligation and the costs, up to 1 working day
    /// before the auction (LTHADS 101.5). The open round is cancelled and the asset leaves the pipeline.
    /// </summary>
    public AuctionRound? Redeem(Redemption redemption, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(redemption);
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.RedeemAsset, State, Name);
        var round = OpenRound;
        if (round is not null)
        {
            var cutoff = context.RulesOn(redemption.PaidOn).RedemptionCutoffWorkingDays;
            // "Up to N working days before the auction", counted back from the auction as BLDS 147-148 count.
            if (!Rules.Period.WorkingDays(cutoff).IsAtLeastBefore(redemption.PaidOn, round.AuctionDate, context.Calendar))
            {
                throw DomainException.Precondition(
                    Reasons.RedemptionTooLate,
                    Name,
                    $"The debtor may redeem up to {cutoff} working day(s) before the auction on {round.AuctionDate:yyyy-MM-dd} (LTHADS 101.5).",
                    Meta(("auction_date", round.AuctionDate)));
            }

            round.Cancel("debtor redeemed the asset", context.Now);
        }

        Redemption = redemption;
        ActiveIdentityKey = null;
        Moved(Proceeds.MoneyMovement.Receipt(Proceeds.LedgerKinds.Redemption, redemption.PaidOn, redemption.Reference, Proceeds.LedgerAccount.RedemptionReceipts, redemption.ObligationAndCosts));
        CancelOpenDeadlines(redemption.PaidOn, PipelineAction.RedeemAsset);
        MoveTo(AssetState.Redeemed, PipelineAction.RedeemAsset, context, $"paid {redemption.ObligationAndCosts} dong", redemption.PaidOn);
        return round;
    }

    /// <summary>The winner of the round: the price may not be below the round's starting price; the deposit counts toward it.</summary>
    public AuctionRound RecordSold(Party winner, long price, long depositPaid, string note, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(winner);
        ArgumentNullException.ThrowIfNull(context);
        var round = HeldOpenRound(context);
        if (price < round.StartingPrice)
        {
            throw DomainException.Precondition(Reasons.PriceBelowStartingPrice, Name, $"The winning price cannot be below the starting price of {round.StartingPrice} dong.", Meta(("starting_price", round.StartingPrice)));
        }

        if (depositPaid != round.Deposit)
        {
            throw DomainException.Precondition(Reasons.DepositNotAsScheduled, Name, $"The winner's deposit for round {round.Number} is {round.Deposit} dong, as scheduled (LDGTS 39).", Meta(("deposit", round.Deposit)));
        }

        round.RecordSold(winner, price, depositPaid, note, context.Now);
        MeetDeadline(DeadlineKind.AuctionHeld, round.AuctionDate, PipelineAction.RecordAuctionResult);
        var rules = context.RulesOn(round.AuctionDate);
        Sale = new Sale
        {
            RoundNumber = round.Number,
            Buyer = winner.Copy(),
            Price = price,
            DepositCounted = depositPaid,
            SaleDate = round.AuctionDate,
            PaymentDueDate = context.Due(rules.WinnerPayment, round.AuctionDate),
        };
        OpenDeadline(context, DeadlineKind.WinnerPayment, Sale.PaymentDueDate, rules, $"ND62 27.3: winner pays within {rules.WinnerPayment} of the auction", round.AuctionDate);
        Moved(Proceeds.MoneyMovement.Receipt(Proceeds.LedgerKinds.DepositCounted, round.AuctionDate, $"round {round.Number} deposit", Proceeds.LedgerAccount.SaleProceeds, depositPaid));
        MoveTo(AssetState.Sold, PipelineAction.RecordAuctionResult, context, $"round {round.Number} sold for {price} dong", round.AuctionDate);
        return round;
    }

    /// <summary>
    /// A failed round (LDGTS 52). Next comes a price reduction: the parties are asked to agree one, else the
    /// officer decides (LTHADS 104.1); for debts to the state budget the officer decides within 10 days (104.4).
    /// </summary>
    public AuctionRound RecordFailed(FailureReason reason, string note, StepContext context, DateOnly? partiesNotifiedOn = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var round = HeldOpenRound(context);
        round.RecordFailed(reason, note, context.Now);
        MeetDeadline(DeadlineKind.AuctionHeld, round.AuctionDate, PipelineAction.RecordAuctionResult);
        var rules = context.RulesOn(round.AuctionDate);
        // State budget debts: the officer decides within the period. Otherwise the parties have the period to agree
        // and the officer decides when it has passed; our reading gives the officer the next working day for it.
        var due = Seizure.Case.StateBudgetDebt
            ? context.Due(rules.StateBudgetReductionDecision, round.AuctionDate)
            : context.Calendar.AddWorkingDays(context.Due(rules.ReductionDecision, round.AuctionDate), 1);
        var basis = Seizure.Case.StateBudgetDebt
            ? $"LTHADS 104.4: state budget debt, reduction within {rules.StateBudgetReductionDecision} of the failure"
            : $"LTHADS 104.1: the parties agree within {rules.ReductionDecision} of the failure, else the officer decides the next working day";
        OpenDeadline(context, DeadlineKind.PriceReduction, due, rules, basis, round.AuctionDate);
        OpenDeadline(context, DeadlineKind.FailureNotice, context.Due(rules.FailedAuctionNotice, round.AuctionDate), rules, $"LTHADS 104.1: the parties told within {rules.FailedAuctionNotice} of the failure", round.AuctionDate);
        if (partiesNotifiedOn is { } notified)
        {
            EnsureNotBefore(notified, round.AuctionDate, "the failed auction", "parties_notified_on");
            MeetDeadline(DeadlineKind.FailureNotice, notified, PipelineAction.RecordAuctionResult);
        }

        MoveTo(AssetState.AuctionFailed, PipelineAction.RecordAuctionResult, context, $"round {round.Number} failed: {reason}", round.AuctionDate);
        return round;
    }

    private AuctionRound HeldOpenRound(StepContext context)
    {
        Transitions.Ensure(PipelineAction.RecordAuctionResult, State, Name);
        var round = OpenRound!;
        if (round.State != AuctionRoundState.Scheduled)
        {
            throw DomainException.Precondition(Reasons.ActionNotAllowed, Name, $"Round {round.Number} is suspended; postpone it to a new date first.");
        }

        if (context.Today < round.AuctionDate)
        {
            throw DomainException.Precondition(Reasons.ActionNotAllowed, Name, $"Round {round.Number} is on {round.AuctionDate:yyyy-MM-dd}; its result can be recorded from that day.");
        }

        return round;
    }

    /// <summary>
    /// Before the first auction of a co-owned asset the co-owners may buy first (LTHADS 74.3; ND62 27.1):
    /// the auction may be announced once every co-owner has declined, or once their window after the
    /// valuation notice has passed (3 months for real estate, 1 month for movables).
    /// </summary>
    private void EnsureCoOwnersHadTheirTurn(DateOnly postingDate, StepContext context)
    {
        var coOwners = Owners.Where(o => !o.JudgmentDebtor).Select(o => o.Party.FullName).ToList();
        // The priority is spent once every co-owner declined, or once a co-owner bought (even if that sale was undone).
        if (HeldRounds > 0 || coOwners.Count == 0 || PastSales.Any(s => s.ToCoOwner) || coOwners.All(n => CoOwnerAnswers.Any(a => a.CoOwnerName == n && !a.Accepted)))
        {
            return;
        }

        var notified = Valuations[^1].NotifiedDate;
        var rules = context.RulesOn(notified);
        var window = IsRealEstate ? rules.CoOwnerWindowRealEstate : rules.CoOwnerWindowMovable;
        var windowEnd = context.Due(window, notified);
        if (postingDate <= windowEnd)
        {
            throw DomainException.Precondition(
                Reasons.CoOwnerPriorityPending,
                Name,
                $"The co-owners may buy first until {windowEnd:yyyy-MM-dd} ({window} after the valuation notice, LTHADS 74.3): record their answers, or announce the auction after that day.",
                Meta(("window_end", windowEnd)));
        }
    }

    private void CheckPlan(AuctionRoundPlan plan, StepContext context, bool checkWindow)
    {
        // A round that already took place may be entered (the backlog, acts keyed in late): it is judged below by the
        // rules and calendar of its own dates, as it would have been then. What cannot be in the past is guarded by
        // the dates it follows: the notice not before the step that made the asset ready, the auction not before the notice.
        // The notice can only announce what exists: not before the contract, reduction, default or cancellation it follows.
        EnsureNotBefore(plan.PostingDate, ReadyOn ?? Contract!.ContractDate, "the step that made the asset ready for auction", "posting_date");
        var rules = context.RulesOn(plan.PostingDate);
        var posting = IsRealEstate ? rules.PostingRealEstate : rules.PostingMovable;

        // "At least N (working) days before the auction", counted back from the auction as BLDS 147-148 count.
        var earliest = posting.EarliestEventAfter(plan.PostingDate, context.Calendar);
        if (!posting.IsAtLeastBefore(plan.PostingDate, plan.AuctionDate, context.Calendar))
        {
            throw DomainException.Precondition(
                Reasons.NoticePeriodTooShort,
                Name,
                $"A {(IsRealEstate ? "real estate" : "movable")} auction needs the notice posted at least {posting} before it (LDGTS 35.1); posted {plan.PostingDate:yyyy-MM-dd}, the earliest auction day is {earliest:yyyy-MM-dd}.",
                Meta(("minimum_notice", posting.ToString()), ("earliest_auction_date", earliest)));
        }

        if (checkWindow && OpenDeadlineOf(DeadlineKind.AuctionHeld) is { } window && plan.AuctionDate > window.DueDate)
        {
            throw DomainException.Precondition(
                Reasons.AuctionWindowExceeded,
                Name,
                $"The auction must be held by {window.DueDate:yyyy-MM-dd} ({window.Basis}).",
                Meta(("latest_auction_date", window.DueDate)));
        }

        // Compared exactly in integers: deposit / price against basis points.
        var price = (Int128)StartingPrice;
        if ((Int128)plan.Deposit * 10_000 < price * rules.DepositMinBasisPoints || (Int128)plan.Deposit * 10_000 > price * rules.DepositMaxBasisPoints)
        {
            throw DomainException.Precondition(
                Reasons.DepositOutOfRange,
                Name,
                $"The deposit must be {rules.DepositMinBasisPoints / 100m}%-{rules.DepositMaxBasisPoints / 100m}% of the starting price {StartingPrice} dong (LDGTS 39.1).",
                Meta(("minimum", (long)(((price * rules.DepositMinBasisPoints) + 9_999) / 10_000)), ("maximum", (long)(price * rules.DepositMaxBasisPoints / 10_000))));
        }
    }
}
