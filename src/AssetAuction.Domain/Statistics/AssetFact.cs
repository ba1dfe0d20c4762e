using System.Globalization;
using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;

namespace AssetAuction.Domain.Statistics;

/// <summary>
/// One asset reduced to the legal dates and amounts the working-year statistics count, kept in step with the
/// asset by the service (written in the same transaction as every change of the asset). The report reads
/// these compact rows instead of whole assets, so a country's year is one indexed scan of narrow rows.
/// Everything here comes from legal dates (the day of the act, not the day it was recorded), so a report can
/// be recomputed for any past month, and a back-dated act changes the months it belongs to.
/// </summary>
public sealed class AssetFact
{
    private AssetFact()
    {
    }

    public AssetFact(string assetId) => AssetId = assetId;

    public string AssetId { get; private set; } = "";

    public string Office { get; private set; } = "";

    /// <summary>The enforcement case: one enforcement decision is one case (TT 05/2024/TT-BTP).</summary>
    public string CaseNumber { get; private set; } = "";

    /// <summary>The date of the enforcement decision (for "older than three years").</summary>
    public DateOnly DecisionDate { get; private set; }

    public DateOnly SeizedOn { get; private set; }

    /// <summary>The first valuation's result date (agreement, certificate or officer's decision).</summary>
    public DateOnly? ValuedOn { get; private set; }

    /// <summary>The first auction held (sold or failed).</summary>
    public DateOnly? FirstAuctionOn { get; private set; }

    public long FirstStartingPrice { get; private set; }

    /// <summary>The current sale (at auction or to a co-owner); sales that ended are in <see cref="PastSales"/>.</summary>
    public DateOnly? SoldOn { get; private set; }

    public long SalePrice { get; private set; }

    public DateOnly? FullyPaidOn { get; private set; }

    /// <summary>The day the asset left the office's hands (hand-over, takeover, redemption, return, release).</summary>
    public DateOnly? DisposedOn { get; private set; }

    public AssetOutcome Outcome { get; private set; }

    /// <summary>Money the disposal brought: the sale price, the redemption payment, or the takeover value.</summary>
    public long RealisedAmount { get; private set; }

    /// <summary>The day the proceeds of a sale were fully paid out to the creditors under an approved plan.</summary>
    public DateOnly? PaidOutOn { get; private set; }

    /// <summary>Done in the asset dimension: disposed, and for a sale its proceeds paid out (the later of the two).</summary>
    public DateOnly? CompletedOn { get; private set; }

    /// <summary>
    /// The starting price over time: "V2025-11-02=1000000000;R2026-01-05=900000000" (V a valuation or
    /// re-valuation, R a price reduction), in order. Read by <see cref="PriceOn"/>; never queried by SQL.
    /// </summary>
    public string PriceSteps { get; private set; } = "";

    /// <summary>The legal dates of failed rounds, "2026-01-01;2026-02-10".</summary>
    public string FailedRoundDates { get; private set; } = "";

    /// <summary>
    /// The sales that ended (buyer's default, cancelled result), so a past day sees the sale then in force:
    /// "2026-12-09>2027-01-15=1000000000/2026-12-21" (sold &gt; ended = price / fully paid, the last optional),
    /// in order. Read by <see cref="SaleOn"/>; never queried by SQL.
    /// </summary>
    public string PastSales { get; private set; } = "";

    /// <summary>Builds or refreshes the fact from the asset (its seizure act, rounds and time limits loaded).</summary>
    public void Refresh(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        Office = asset.Office;
        CaseNumber = asset.CaseNumber;
        if (asset.Seizure is { } seizure)
        {
            DecisionDate = seizure.Case.DecisionDate;
            SeizedOn = seizure.SeizureDate;
        }

        var valuations = asset.Valuations.OrderBy(v => v.ResultDate).ToList();
        ValuedOn = valuations.Count > 0 ? valuations[0].ResultDate : null;
        var steps = valuations.Select(v => (Kind: 'V', Day: v.ResultDate, Price: v.Price))
            .Concat(asset.Reductions.Select(r => (Kind: 'R', Day: r.DecisionDate, Price: r.NewPrice)))
            .OrderBy(s => s.Day)
            .ThenBy(s => s.Kind == 'V' ? 0 : 1);
        _steps = null;
        _failed = null;
        PriceSteps = string.Join(';', steps.Select(s => $"{s.Kind}{Iso(s.Day)}={s.Price.ToString(CultureInfo.InvariantCulture)}"));

        var held = asset.Rounds.Where(r => r.State is AuctionRoundState.Sold or AuctionRoundState.Failed).OrderBy(r => r.Number).ToList();
        FirstAuctionOn = held.Count > 0 ? held[0].AuctionDate : null;
        FirstStartingPrice = held.Count > 0 ? held[0].StartingPrice : 0;
        FailedRoundDates = string.Join(';', held.Where(r => r.State == AuctionRoundState.Failed).Select(r => Iso(r.AuctionDate)));

        SoldOn = asset.Sale?.SaleDate;
        SalePrice = asset.Sale?.Price ?? 0;
        FullyPaidOn = asset.Sale?.FullyPaidOn;
        _past = null;
        PastSales = string.Join(';', asset.PastSales
            .Where(s => s.EndedOn is not null)
            .OrderBy(s => s.SaleDate)
            .Select(s => PastSaleText(s.SaleDate, s.EndedOn!.Value, s.Price, s.FullyPaidOn)));

        (Outcome, DisposedOn, RealisedAmount) = asset.State switch
        {
            AssetState.HandedOver => (AssetOutcome.SoldAndPaid, asset.Handover?.HandoverDate, SalePrice),
            AssetState.TakenByCreditor => (AssetOutcome.TakenByCreditor, asset.Takeover?.CompletedOn, asset.Takeover?.Value ?? 0),
            AssetState.Redeemed => (AssetOutcome.Redeemed, asset.Redemption?.PaidOn, asset.Redemption?.ObligationAndCosts ?? 0),
            AssetState.ReturnedToDebtor => (AssetOutcome.ReturnedToDebtor, asset.Returned?.ReturnedOn, 0L),
            AssetState.Released => (AssetOutcome.Released, asset.ReleaseTime is { } t ? VietnamTime.DateAt(t) : (DateOnly?)null, 0L),
            _ => (AssetOutcome.None, (DateOnly?)null, 0L),
        };

        // The payout's legal date closes the "payment to creditors" limit; a payout before any hand-over opened
        // that limit leaves only the history line, read at its recording day in Vietnam.
        PaidOutOn = asset.Deadlines.Where(d => d.Kind == DeadlineKind.PaymentToCreditors && d.ClosedBy == "RecordPayout" && d.ClosedOn is not null).Max(d => d.ClosedOn)
            ?? asset.History.Where(h => h.Action == "RecordPayout").Select(h => (DateOnly?)VietnamTime.DateAt(h.Time)).Max();
        CompletedOn = Outcome switch
        {
            AssetOutcome.None => null,
            AssetOutcome.SoldAndPaid => PaidOutOn is { } paid && DisposedOn is { } handed ? Max(paid, handed) : null,
            _ => DisposedOn,
        };
    }

    /// <summary>The starting price in force at the end of <paramref name="day"/> (0 before the first valuation).</summary>
    public long PriceOn(DateOnly day)
    {
        long price = 0;
        foreach (var (_, on, value) in Steps())
        {
            if (on > day)
            {
                break;
            }

            price = value;
        }

        return price;
    }

    public int ReductionsBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        foreach (var (kind, day, _) in Steps())
        {
            count += kind == 'R' && day >= from && day <= to ? 1 : 0;
        }

        return count;
    }

    public int FailedRoundsBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        foreach (var day in FailedRounds())
        {
            count += day >= from && day <= to ? 1 : 0;
        }

        return count;
    }

    public IEnumerable<DateOnly> FailedRounds() => FailedDays();

    private DateOnly[] FailedDays()
    {
        if (_failed is null)
        {
            // "yyyy-MM-dd;yyyy-MM-dd": fixed width, read in place (a country's report reads hundreds of thousands).
            var text = FailedRoundDates.AsSpan();
            var days = new DateOnly[(text.Length + 1) / 11];
            for (var i = 0; i < days.Length; i++)
            {
                days[i] = ParseDay(text.Slice(i * 11, 10));
            }

            _failed = days;
        }

        return _failed;
    }

    /// <summary>The latest price step or failed round up to <paramref name="day"/> (movement within the sale stage).</summary>
    internal DateOnly? LastSaleActivity(DateOnly day)
    {
        DateOnly? last = null;
        foreach (var (_, on, _) in Steps())
        {
            if (on <= day && (last is null || on > last))
            {
                last = on;
            }
        }

        foreach (var on in FailedDays())
        {
            if (on <= day && (last is null || on > last))
            {
                last = on;
            }
        }

        return last;
    }

    /// <summary>
    /// The sale in force at the end of <paramref name="day"/>: the current one if made by then, otherwise a past
    /// one made by then and ended after it; null if none. Its FullyPaidOn may lie after the day.
    /// </summary>
    public SaleInForce? SaleOn(DateOnly day)
    {
        if (SoldOn is { } sold && sold <= day)
        {
            return new SaleInForce(sold, SalePrice, FullyPaidOn);
        }

        foreach (var past in Past())
        {
            if (past.SoldOn <= day && past.EndedOn > day)
            {
                return new SaleInForce(past.SoldOn, past.Price, past.FullyPaidOn);
            }
        }

        return null;
    }

    public bool IsDisposedBy(DateOnly day) => DisposedOn is { } d && d <= day;

    public bool IsCompletedBy(DateOnly day) => CompletedOn is { } d && d <= day;

    /// <summary>A stored fact read back column by column (the report's fast read path).</summary>
    public static AssetFact FromRow(string assetId, string office, string caseNumber, DateOnly decisionDate, DateOnly seizedOn, StoredDates dates, long firstStartingPrice, long salePrice, AssetOutcome outcome, long realisedAmount, string priceSteps, string failedRoundDates, string pastSales)
    {
        ArgumentNullException.ThrowIfNull(dates);
        return new(assetId)
        {
            Office = office,
            CaseNumber = caseNumber,
            DecisionDate = decisionDate,
            SeizedOn = seizedOn,
            ValuedOn = dates.ValuedOn,
            FirstAuctionOn = dates.FirstAuctionOn,
            FirstStartingPrice = firstStartingPrice,
            SoldOn = dates.SoldOn,
            SalePrice = salePrice,
            FullyPaidOn = dates.FullyPaidOn,
            DisposedOn = dates.DisposedOn,
            Outcome = outcome,
            RealisedAmount = realisedAmount,
            PaidOutOn = dates.PaidOutOn,
            CompletedOn = dates.CompletedOn,
            PriceSteps = priceSteps,
            FailedRoundDates = failedRoundDates,
            PastSales = pastSales,
        };
    }

    /// <summary>For tests and generated data: a fact set field by field, as <see cref="Refresh"/> would.</summary>
    public static AssetFact Of(string assetId, string office, string caseNumber, DateOnly decisionDate, DateOnly seizedOn) =>
        new(assetId) { Office = office, CaseNumber = caseNumber, DecisionDate = decisionDate, SeizedOn = seizedOn };

    public AssetFact Valued(DateOnly on, long price) => AddStep('V', on, price, first: ValuedOn is null);

    public AssetFact Reduced(DateOnly on, long price) => AddStep('R', on, price, first: false);

    public AssetFact FirstAuction(DateOnly on, long startingPrice)
    {
        FirstAuctionOn = on;
        FirstStartingPrice = startingPrice;
        return this;
    }

    public AssetFact Failed(DateOnly on)
    {
        FailedRoundDates = FailedRoundDates.Length == 0 ? Iso(on) : FailedRoundDates + ";" + Iso(on);
        _failed = null;
        return this;
    }

    public AssetFact Sold(DateOnly on, long price, DateOnly? fullyPaidOn)
    {
        SoldOn = on;
        SalePrice = price;
        FullyPaidOn = fullyPaidOn;
        return this;
    }

    /// <summary>A sale made on <paramref name="on"/> that ended on <paramref name="endedOn"/> (default or cancelled result).</summary>
    public AssetFact SaleEnded(DateOnly on, long price, DateOnly? fullyPaidOn, DateOnly endedOn)
    {
        var text = PastSaleText(on, endedOn, price, fullyPaidOn);
        PastSales = PastSales.Length == 0 ? text : PastSales + ";" + text;
        _past = null;
        return this;
    }

    public AssetFact Disposed(AssetOutcome outcome, DateOnly on, long realised = 0, DateOnly? paidOutOn = null)
    {
        Outcome = outcome;
        DisposedOn = on;
        RealisedAmount = outcome == AssetOutcome.SoldAndPaid ? SalePrice : realised;
        PaidOutOn = paidOutOn;
        CompletedOn = outcome == AssetOutcome.SoldAndPaid ? (paidOutOn is { } p ? Max(p, on) : null) : on;
        return this;
    }

    private AssetFact AddStep(char kind, DateOnly on, long price, bool first)
    {
        if (first)
        {
            ValuedOn = on;
        }

        var step = $"{kind}{Iso(on)}={price.ToString(CultureInfo.InvariantCulture)}";
        PriceSteps = PriceSteps.Length == 0 ? step : PriceSteps + ";" + step;
        _steps = null;
        return this;
    }

    // Parsed once per instance (a report reads each fact several times); reset whenever the text changes.
    private (char Kind, DateOnly Day, long Price)[]? _steps;
    private DateOnly[]? _failed;

    private (char Kind, DateOnly Day, long Price)[] Steps()
    {
        if (_steps is null)
        {
            // "V2025-11-02=1000000000;R2026-01-05=900000000", read in place without splitting into strings.
            var text = PriceSteps.AsSpan();
            var steps = new (char, DateOnly, long)[text.Length == 0 ? 0 : text.Count(';') + 1];
            for (var i = 0; i < steps.Length; i++)
            {
                var next = text.IndexOf(';');
                var part = next < 0 ? text : text[..next];
                steps[i] = (part[0], ParseDay(part.Slice(1, 10)), long.Parse(part[12..], NumberStyles.Integer, CultureInfo.InvariantCulture));
                text = next < 0 ? [] : text[(next + 1)..];
            }

            _steps = steps;
        }

        return _steps;
    }

    private (DateOnly SoldOn, DateOnly EndedOn, long Price, DateOnly? FullyPaidOn)[]? _past;

    private (DateOnly SoldOn, DateOnly EndedOn, long Price, DateOnly? FullyPaidOn)[] Past() => _past ??= PastSales.Length == 0 ? [] : [.. PastSales.Split(';').Select(part =>
    {
        var gt = part.IndexOf('>', StringComparison.Ordinal);
        var eq = part.IndexOf('=', StringComparison.Ordinal);
        var slash = part.IndexOf('/', StringComparison.Ordinal);
        var price = slash < 0 ? part.AsSpan(eq + 1) : part.AsSpan(eq + 1, slash - eq - 1);
        return (ParseDay(part.AsSpan(0, gt)), ParseDay(part.AsSpan(gt + 1, eq - gt - 1)), long.Parse(price, NumberStyles.Integer, CultureInfo.InvariantCulture), slash < 0 ? (DateOnly?)null : ParseDay(part.AsSpan(slash + 1)));
    })];

    private static string PastSaleText(DateOnly soldOn, DateOnly endedOn, long price, DateOnly? fullyPaidOn) =>
        $"{Iso(soldOn)}>{Iso(endedOn)}={price.ToString(CultureInfo.InvariantCulture)}" + (fullyPaidOn is { } paid ? "/" + Iso(paid) : "");

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly ParseDay(ReadOnlySpan<char> text) => new(
        int.Parse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture),
        int.Parse(text.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture),
        int.Parse(text.Slice(8, 2), NumberStyles.None, CultureInfo.InvariantCulture));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A sale as it stood on some day: when it was made, its price, and when it was fully paid (if ever).</summary>
public readonly record struct SaleInForce(DateOnly SoldOn, long Price, DateOnly? FullyPaidOn);

/// <summary>The optional legal dates of a stored fact, in column order.</summary>
public sealed record StoredDates(DateOnly? ValuedOn, DateOnly? FirstAuctionOn, DateOnly? SoldOn, DateOnly? FullyPaidOn, DateOnly? DisposedOn, DateOnly? PaidOutOn, DateOnly? CompletedOn);
