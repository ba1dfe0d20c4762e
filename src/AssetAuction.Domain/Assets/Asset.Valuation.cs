using AssetAuction.Domain.Common;

namespace AssetAuction.Domain.Assets;

/// <summary>Valuation, re-valuation and co-owners' priority (LTHADS 98, 99; ND62 27.1).</summary>
public sealed partial class Asset
{
    /// <summary>Records the price: agreed by the parties, appraised under contract, or set by the officer. It becomes the starting price.</summary>
    public void RecordValuation(Valuation valuation, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(valuation);
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.RecordValuation, State, Name);
        EnsureNotBefore(valuation.ResultDate, Seizure.SeizureDate, "the seizure", "result_date");

        _valuations.Add(valuation);
        StartingPrice = valuation.Price;

        // The 5-working-day limit is met by the contract with the valuation organization, or by the price itself.
        MeetDeadline(DeadlineKind.ValuationContract, valuation.ContractDate ?? valuation.ResultDate, PipelineAction.RecordValuation);
        var rules = context.RulesOn(valuation.ResultDate);
        EnsureNotBefore(valuation.NotifiedDate, valuation.ResultDate, "the valuation result", "notified_date");
        RecordNotice(context, DeadlineKind.ValuationNotice, rules.ValuationNotice, valuation.ResultDate, valuation.NotifiedDate, rules, $"TTLT 11/2016 art. 2.8: result notified within {rules.ValuationNotice}", PipelineAction.RecordValuation);
        OpenDeadline(context, DeadlineKind.AuctionContract, context.Due(rules.AuctionContract, valuation.ResultDate), rules, $"LTHADS 101.2: auction contract within {rules.AuctionContract} of valuation", valuation.ResultDate);
        MoveTo(AssetState.Valued, PipelineAction.RecordValuation, context, $"{valuation.Method}: {valuation.Price} dong", valuation.ResultDate);
    }

    /// <summary>A party asks for re-valuation (LTHADS 99): once, within the window after the result notice, before the auction is announced.</summary>
    public void RequestRevaluation(string requestedBy, DateOnly requestDate, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.RequestRevaluation, State, Name);
        if (PendingRevaluation is not null || Valuations.Any(v => v.Revaluation))
        {
            throw DomainException.Precondition(Reasons.RevaluationNotAllowed, Name, "Re-valuation is allowed once only (LTHADS 99).");
        }

        EnsureNotAnnounced();
        var last = Valuations[^1];
        var rules = context.RulesOn(last.NotifiedDate);
        var windowEnd = context.Due(rules.RevaluationRequest, last.NotifiedDate);
        if (requestDate > windowEnd)
        {
            throw DomainException.Precondition(
                Reasons.RevaluationWindowClosed,
                Name,
                $"The request came after the {rules.RevaluationRequest} that follow the result notice (last day {windowEnd:yyyy-MM-dd}, LTHADS 99).",
                Meta(("window_end", windowEnd)));
        }

        EnsureNotBefore(requestDate, last.NotifiedDate, "the result notice", "request_date");
        PendingRevaluation = new RevaluationRequest { RequestedBy = requestedBy, RequestDate = requestDate };
        MoveTo(State, PipelineAction.RequestRevaluation, context, $"requested by {requestedBy}", requestDate);
    }

    /// <summary>The re-valuation result: the new price is the starting price (LTHADS 99.3).</summary>
    public void RecordRevaluation(Valuation valuation, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(valuation);
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.RecordRevaluation, State, Name);
        if (PendingRevaluation is null)
        {
            throw DomainException.Precondition(Reasons.RevaluationNotRequested, Name, "No re-valuation was requested; record the request first.");
        }

        EnsureNotAnnounced();
        EnsureNotBefore(valuation.ResultDate, PendingRevaluation.RequestDate, "the re-valuation request", "result_date");
        EnsureNotBefore(valuation.NotifiedDate, valuation.ResultDate, "the valuation result", "notified_date");
        _valuations.Add(new Valuation
        {
            Method = valuation.Method,
            Revaluation = true,
            Price = valuation.Price,
            OrganizationName = valuation.OrganizationName,
            ContractNumber = valuation.ContractNumber,
            ContractDate = valuation.ContractDate,
            DocumentNumber = valuation.DocumentNumber,
            ResultDate = valuation.ResultDate,
            NotifiedDate = valuation.NotifiedDate,
        });
        PendingRevaluation = null;
        StartingPrice = valuation.Price;
        MoveTo(State, PipelineAction.RecordRevaluation, context, $"re-valued at {valuation.Price} dong", valuation.ResultDate);
    }

    /// <summary>
    /// Co-owners' answers to the offer of the debtor's share at the set price (ND62 27.1). When one
    /// accepts (several: the one who drew the lot), the share is sold to it at the starting price times
    /// the debtors' share, and the buyer pays as an auction winner would.
    /// </summary>
    public void RecordCoOwnerOffer(IReadOnlyList<CoOwnerAnswer> answers, string buyerName, DateOnly saleDate, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.RecordCoOwnerOffer, State, Name);
        var coOwners = Owners.Where(o => !o.JudgmentDebtor).Select(o => o.Party.FullName).ToHashSet(StringComparer.Ordinal);
        if (coOwners.Count == 0)
        {
            throw DomainException.Precondition(Reasons.NotCoOwned, Name, "The asset has no co-owner besides the debtors.");
        }

        if (HeldRounds > 0)
        {
            throw DomainException.Precondition(Reasons.FirstAuctionAlreadyHeld, Name, "Co-owners' priority applies before the first auction (ND62 27.1).");
        }

        var unknown = answers.FirstOrDefault(a => !coOwners.Contains(a.CoOwnerName));
        if (unknown is not null)
        {
            throw DomainException.InvalidInput(Reasons.InvalidArgument, $"'{unknown.CoOwnerName}' is not a co-owner of this asset.", Meta(("field", "answers")));
        }

        _coOwnerAnswers.AddRange(answers);
        var accepted = answers.Where(a => a.Accepted).Select(a => a.CoOwnerName).ToList();
        if (accepted.Count == 0)
        {
            MoveTo(State, PipelineAction.RecordCoOwnerOffer, context, "no co-owner accepted", answers.Count > 0 ? answers.Max(a => a.AnswerDate) : context.Today);
            return;
        }

        // Several accept and cannot agree: lots are drawn (ND62 27.1); the request names who drew it.
        var buyer = accepted.Count == 1 ? accepted[0] : buyerName;
        if (!accepted.Contains(buyer))
        {
            throw DomainException.InvalidInput(Reasons.InvalidArgument, "Several co-owners accepted: name in buyer_name the one who drew the lot.", Meta(("field", "buyer_name")));
        }

        var price = DebtorsShareOf(StartingPrice);
        var rules = context.RulesOn(saleDate);
        Sale = new Sale
        {
            RoundNumber = 0,
            ToCoOwner = true,
            Buyer = Owners.First(o => o.Party.FullName == buyer).Party.Copy(),
            Price = price,
            SaleDate = saleDate,
            PaymentDueDate = context.Due(rules.WinnerPayment, saleDate),
        };
        CancelDeadline(DeadlineKind.AuctionContract, saleDate, PipelineAction.RecordCoOwnerOffer);
        CancelDeadline(DeadlineKind.AuctionHeld, saleDate, PipelineAction.RecordCoOwnerOffer);
        OpenDeadline(context, DeadlineKind.WinnerPayment, Sale.PaymentDueDate, rules, $"ND62 27.3: buyer pays within {rules.WinnerPayment}", saleDate);
        MoveTo(AssetState.Sold, PipelineAction.RecordCoOwnerOffer, context, $"sold to co-owner {buyer} for {price} dong", saleDate);
    }

    /// <summary>The starting price times the debtors' exact share, rounded to the nearest dong.</summary>
    public long DebtorsShareOf(long price)
    {
        System.Numerics.BigInteger num = 0, den = 1;
        foreach (var o in Owners.Where(o => o.JudgmentDebtor))
        {
            num = (num * o.ShareDenominator) + (o.ShareNumerator * den);
            den *= o.ShareDenominator;
        }

        return (long)(((price * num * 2) + den) / (den * 2));
    }

    /// <summary>Re-valuation is possible only before the public announcement (LTHADS 99): no round scheduled yet.</summary>
    private void EnsureNotAnnounced()
    {
        if (Rounds.Count > 0)
        {
            throw DomainException.Precondition(Reasons.AuctionAlreadyAnnounced, Name, "The auction has been announced; re-valuation is no longer possible (LTHADS 99).");
        }
    }
}
