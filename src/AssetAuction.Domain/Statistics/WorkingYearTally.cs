namespace AssetAuction.Domain.Statistics;

/// <summary>
/// The working-year figures counted one asset fact at a time, so a country's year never has to be held in
/// memory: the report streams the facts from the database straight into <see cref="Add"/> and keeps only one
/// small entry per case (cases span several facts) and the day counts whose percentiles it gives. The figures
/// are exactly those of <see cref="WorkingYearCalculator"/>, which is this tally over a list (the definitions
/// and their legal sources are stated there). Measured: materialising 750,000 facts and then making a dozen
/// LINQ passes over them cost 7 s of CPU; one pass over streamed facts costs a small fraction of that.
/// </summary>
public sealed class WorkingYearTally
{
    private readonly WorkingYear _period;
    private readonly ProblemThresholds _thresholds;
    private readonly DateOnly _start;
    private readonly DateOnly _end;
    private readonly DateOnly _carry;
    private readonly Dictionary<(string Office, string CaseNumber), CaseTally> _cases = [];
    private readonly HashSet<string> _offices = new(StringComparer.Ordinal);
    private readonly WorkingYearPartial _partial = new();

    // Assets.
    private long _carriedOver, _newlySeized, _soldAndPaid, _takenByCreditor, _redeemed, _returned, _released;
    private long _awaitingValuation, _awaitingSale, _awaitingPayment, _awaitingHandover;

    // Money.
    private long _valueUnderSeizure, _realisedSales, _realisedRedemptions, _realisedTakeovers;

    // Problems (per asset) and auctions.
    private long _stuckCount, _stuckValue, _failedRounds, _reductions, _discounts;
    private Int128 _discountSum;

    public WorkingYearTally(WorkingYear period, ProblemThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(thresholds);
        _period = period;
        _thresholds = thresholds;
        _start = period.Start;
        _end = period.End;
        _carry = period.CarryOverDay;
    }

    /// <summary>The offices whose facts were added, in ordinal order (a country's report lists them).</summary>
    public IReadOnlyList<string> Offices => [.. _offices.Order(StringComparer.Ordinal)];

    /// <summary>Counts one asset. The fact is not kept, so a reader may pass a fresh instance for every row.</summary>
    public void Add(AssetFact asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        _offices.Add(asset.Office);
        _partial.SawFacts();

        // Only assets seized by the end matter; an asset completed before the year cannot be open in it.
        if (asset.SeizedOn > _end || asset.IsCompletedBy(_carry))
        {
            return;
        }

        checked
        {
            var period = _period;
            var end = _end;
            var disposedByEnd = asset.IsDisposedBy(end);
            var sale = asset.SaleOn(end);

            // Assets: carried over (open the day before the year), new, disposed by outcome, remaining by stage.
            _carriedOver += asset.SeizedOn <= _carry && !asset.IsDisposedBy(_carry) ? 1 : 0;
            _newlySeized += period.Contains(asset.SeizedOn) ? 1 : 0;
            if (period.Contains(asset.DisposedOn))
            {
                switch (asset.Outcome)
                {
                    case AssetOutcome.SoldAndPaid: _soldAndPaid++; break;
                    case AssetOutcome.TakenByCreditor: _takenByCreditor++; _realisedTakeovers += asset.RealisedAmount; break;
                    case AssetOutcome.Redeemed: _redeemed++; _realisedRedemptions += asset.RealisedAmount; break;
                    case AssetOutcome.ReturnedToDebtor: _returned++; break;
                    case AssetOutcome.Released: _released++; break;
                    case AssetOutcome.None:
                    default:
                        break;
                }
            }

            long priceAtEnd = 0;
            if (!disposedByEnd)
            {
                priceAtEnd = asset.PriceOn(end);
                _valueUnderSeizure += priceAtEnd;
                var (stage, since) = WorkingYearCalculator.Stage(asset, end);
                switch (stage)
                {
                    case AssetStage.AwaitingValuation: _awaitingValuation++; break;
                    case AssetStage.AwaitingSale: _awaitingSale++; break;
                    case AssetStage.AwaitingPayment: _awaitingPayment++; break;
                    case AssetStage.AwaitingHandover: _awaitingHandover++; break;
                    default: break;
                }

                // Stuck: at the same stage longer than the threshold at the period's end.
                if (end.DayNumber - since.DayNumber > _thresholds.StuckDays)
                {
                    _stuckCount++;
                    _stuckValue += priceAtEnd;
                }
            }

            // Money realised: the sale in force at the period's end, as it was then (a sale cancelled later still counts).
            if (sale is { } paidSale && period.Contains(paidSale.FullyPaidOn))
            {
                _realisedSales += paidSale.Price;
            }

            // Durations, each counted in the period in which it ends.
            if (period.Contains(asset.ValuedOn))
            {
                _partial.AddDuration(0, Days(asset.SeizedOn, asset.ValuedOn!.Value));
            }

            if (period.Contains(asset.FirstAuctionOn) && asset.ValuedOn is { } valued)
            {
                _partial.AddDuration(1, Days(valued, asset.FirstAuctionOn!.Value));
            }

            if (sale is { } s)
            {
                if (period.Contains(s.SoldOn))
                {
                    if (asset.FirstAuctionOn is { } firstAuction)
                    {
                        _partial.AddDuration(2, Days(firstAuction, s.SoldOn));
                    }

                    // The discount of each sale in the period from its first auction's starting price.
                    if (asset.FirstStartingPrice > 0)
                    {
                        _discountSum += (Int128)(asset.FirstStartingPrice - s.Price) * 10_000 / asset.FirstStartingPrice;
                        _discounts++;
                    }
                }

                if (period.Contains(s.FullyPaidOn))
                {
                    _partial.AddDuration(3, Days(s.SoldOn, s.FullyPaidOn!.Value));
                }
            }

            if (period.Contains(asset.PaidOutOn) && asset.FullyPaidOn is { } fullyPaid)
            {
                _partial.AddDuration(4, Days(fullyPaid, asset.PaidOutOn!.Value));
            }

            _failedRounds += asset.FailedRoundsBetween(_start, end);
            _reductions += asset.ReductionsBetween(_start, end);

            // The case: open the day before the year (carried over), seized in the period (new), open at the end.
            var key = (asset.Office, asset.CaseNumber);
            if (!_cases.TryGetValue(key, out var c))
            {
                c = new CaseTally { Decision = asset.DecisionDate };
                _cases.Add(key, c);
            }

            c.Carried |= asset.SeizedOn <= _carry && !asset.IsCompletedBy(_carry);
            c.AnyNew |= period.Contains(asset.SeizedOn);
            c.OpenAtEnd |= !asset.IsCompletedBy(end);
            c.Value += priceAtEnd;
            if (asset.DecisionDate < c.Decision)
            {
                c.Decision = asset.DecisionDate;
            }
        }
    }

    /// <summary>The figures, with the time limits, debts and payouts of the same offices.</summary>
    public WorkingYearFigures Finish(IReadOnlyList<DeadlineFact> deadlines, IReadOnlyList<CaseDebt> debts, IReadOnlyList<PayoutFact> payouts) =>
        FinishPartial(deadlines, debts, payouts).ToFigures();

    /// <summary>
    /// The figures in their exactly-adding form (<see cref="WorkingYearPartial"/>), with the time limits, debts and
    /// payouts of the same offices. Call once: the tally's own counts become the partial's.
    /// </summary>
    public WorkingYearPartial FinishPartial(IReadOnlyList<DeadlineFact> deadlines, IReadOnlyList<CaseDebt> debts, IReadOnlyList<PayoutFact> payouts)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        ArgumentNullException.ThrowIfNull(debts);
        ArgumentNullException.ThrowIfNull(payouts);
        checked
        {
            var period = _period;
            var owed = new Dictionary<(string, string), long>();
            foreach (var d in debts)
            {
                owed[(d.Office, d.CaseNumber)] = owed.GetValueOrDefault((d.Office, d.CaseNumber)) + d.Owed;
            }

            // Money brought back into custody (a correction or a reversal of a payout) and not paid out again by the
            // end leaves the case's proceeds not paid out: the case is not completed, whatever its assets' dates say.
            var moneyBack = MoneyBroughtBack(payouts);

            // Cases to handle: carried over, or else new; completed when no asset is open at the end and no money
            // brought back is waiting in custody.
            long carried = 0, fresh = 0, completed = 0, owedToHandle = 0;
            long largeCount = 0, largeOwed = 0, largeValue = 0, oldCount = 0, oldOwed = 0, oldValue = 0;
            var oldBefore = _end.AddYears(-_thresholds.OldCaseYears);
            foreach (var (key, c) in _cases)
            {
                c.ToHandle = c.Carried || c.AnyNew;
                if (!c.ToHandle)
                {
                    continue;
                }

                carried += c.Carried ? 1 : 0;
                fresh += c.Carried ? 0 : 1;
                var caseOwed = owed.GetValueOrDefault(key);
                owedToHandle += caseOwed;
                c.OpenAtEnd |= moneyBack.Contains(key);
                if (!c.OpenAtEnd)
                {
                    completed++;
                    continue;
                }

                // Large: what the creditors are owed, or what the seized assets are worth, is above the threshold
                // (20 billion dong in the agencies' reports). Old: the enforcement decision is more than N years old.
                if (Math.Max(caseOwed, c.Value) > _thresholds.LargeSum)
                {
                    largeCount++;
                    largeOwed += caseOwed;
                    largeValue += c.Value;
                }

                if (c.Decision < oldBefore)
                {
                    oldCount++;
                    oldOwed += caseOwed;
                    oldValue += c.Value;
                }
            }

            long paidToCreditors = 0, fees = 0, surplus = 0;
            foreach (var p in payouts)
            {
                if (!period.Contains(p.PaidOn))
                {
                    continue;
                }

                switch (p.Kind)
                {
                    case PayoutKind.Creditor when _cases.TryGetValue((p.Office, p.CaseNumber), out var c) && c.ToHandle:
                        paidToCreditors += p.Amount;
                        break;
                    case PayoutKind.Fee:
                        fees += p.Amount;
                        break;
                    case PayoutKind.Surplus:
                        surplus += p.Amount;
                        break;
                    case PayoutKind.Creditor:
                    default:
                        break;
                }
            }

            // A time limit due in the period counts unless it was dropped (the path changed) by the period's end.
            // Met: done on or before its due day; met late: done after it, by the period's end; missed: not done by then.
            foreach (var d in deadlines)
            {
                if (!period.Contains(d.DueDate) || (d.Cancelled && d.ClosedOn <= _end))
                {
                    continue;
                }

                _partial.AddDeadline(d.RuleSet, d.Cancelled || d.ClosedOn is not { } closed || closed > _end ? 3 : closed <= d.DueDate ? 1 : 2);
            }

            _partial.SetAssets(_carriedOver, _newlySeized, _soldAndPaid, _takenByCreditor, _redeemed, _returned, _released, _awaitingValuation, _awaitingSale, _awaitingPayment, _awaitingHandover);
            _partial.SetMoney(_valueUnderSeizure, _realisedSales, _realisedRedemptions, _realisedTakeovers, paidToCreditors, fees, surplus, owedToHandle);
            _partial.SetCases(carried, fresh, completed);
            _partial.SetProblems(new ProblemGroup(largeCount, largeOwed, largeValue), new ProblemGroup(oldCount, oldOwed, oldValue), _stuckCount, _stuckValue);
            _partial.SetAuctions(_failedRounds, _reductions, _discounts, _discountSum);
            return _partial;
        }
    }

    /// <summary>
    /// The cases holding money brought back into custody in the period and not paid out again by its end. Each
    /// case's payee postings are walked in value-date order, a day's payouts before its returns (money cannot come
    /// back before it went out): money is waiting when the net paid out stands below its highest point so far.
    /// A return before the period is not seen (the payouts are the period's): a case completed before the year
    /// stays out of it.
    /// </summary>
    private HashSet<(string, string)> MoneyBroughtBack(IReadOnlyList<PayoutFact> payouts)
    {
        var waiting = new HashSet<(string, string)>();
        var returned = payouts.Where(p => p.Amount < 0 && _period.Contains(p.PaidOn)).Select(p => (p.Office, p.CaseNumber)).ToHashSet();
        if (returned.Count == 0)
        {
            return waiting;
        }

        foreach (var flows in payouts.Where(p => _period.Contains(p.PaidOn) && returned.Contains((p.Office, p.CaseNumber))).GroupBy(p => (p.Office, p.CaseNumber)))
        {
            long net = 0, highest = 0;
            foreach (var p in flows.OrderBy(p => p.PaidOn).ThenByDescending(p => p.Amount))
            {
                net = checked(net + p.Amount);
                highest = Math.Max(highest, net);
            }

            if (net < highest)
            {
                waiting.Add(flows.Key);
            }
        }

        return waiting;
    }

    private static int Days(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    /// <summary>What one case needs beyond its assets' own counts.</summary>
    private sealed class CaseTally
    {
        public bool Carried;
        public bool AnyNew;
        public bool OpenAtEnd;
        public bool ToHandle;
        public long Value;
        public DateOnly Decision;
    }
}
