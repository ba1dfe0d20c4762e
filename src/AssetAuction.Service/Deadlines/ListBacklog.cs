using AssetAuction.Contracts.V1;
using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssetAuction.Service.Deadlines;

/// <summary>
/// Assets stuck at their stage longer than a threshold, in the spirit of the agencies' reports: large
/// cases (asset price or the case's registered obligations over 20 billion dong by default) and cases whose
/// enforcement decision is older than three years first, then the longest stuck. Assets with a missed time limit
/// are listed whatever their time at the stage.
/// Paged by position (the ranking is computed); page tokens are bound to the filters and the day.
/// </summary>
public sealed class ListBacklog(AssetAuctionDbContext db, TimeProvider clock, IOptions<DeadlineWatchOptions> options)
{
    private const int DefaultStuckDays = 180;

    public async Task<ListBacklogResponse> HandleAsync(ListBacklogRequest request, RequestContext context)
    {
        var office = OfficeScope.Resolve(request.Office, context);
        var now = clock.GetUtcNow();
        var today = VietnamTime.DateAt(now);
        var stuckDays = request.StuckForDays == 0 ? DefaultStuckDays : request.StuckForDays;
        var stuckBefore = now.AddDays(-stuckDays);
        var filters = $"{office}|{stuckDays}|{today:yyyy-MM-dd}";
        var skip = PageToken.Decode(request.PageToken, filters) is { } token && int.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : 0;
        if (request.PageToken.Length > 0 && skip == 0)
        {
            throw PageToken.Invalid();
        }

        var size = PageToken.Size(request.PageSize);
        var closed = AssetStates.Closed;
        // Stuck at the stage (counted from the legal date of the step that brought it there), or with a time limit
        // already missed: a back-dated history entered today shows here at once, with its missed limits.
        var query = db.Assets.AsNoTracking().Include(a => a.Seizure).Include(a => a.Deadlines)
            .Where(a => !closed.Contains(a.State) && (a.StateSince <= stuckBefore || a.Deadlines.Any(d => d.State == DeadlineState.Open && d.DueDate < today)));
        if (office.Length > 0)
        {
            query = query.Where(a => a.Office == office);
        }

        var large = options.Value.LargeSumThreshold;
        var threeYearsAgo = today.AddYears(-3);

        // The backlog of one office is small enough to rank in memory; the filter above runs in the database.
        var stuck = await query.ToListAsync(context.CancellationToken);
        var owed = await CaseObligationsAsync(stuck, context.CancellationToken);
        var ranked = stuck
            .Select(a => (Asset: a, Owed: owed.GetValueOrDefault((a.Office, a.CaseNumber)), Old: a.Seizure.Case.DecisionDate < threeYearsAgo))
            .Select(x => (x.Asset, x.Owed, x.Old, Large: Math.Max(x.Asset.StartingPrice, x.Owed) > large))
            .OrderByDescending(x => x.Large || x.Old)
            .ThenByDescending(x => x.Large)
            .ThenBy(x => x.Asset.StateSince)
            .ThenBy(x => x.Asset.Id, StringComparer.Ordinal)
            .Skip(skip)
            .Take(size + 1)
            .ToList();

        var response = new ListBacklogResponse();
        response.Items.Add(ranked.Take(size).Select(x => new BacklogItem
        {
            Asset = x.Asset.Name,
            Description = x.Asset.Description,
            Office = x.Asset.Office,
            Officer = x.Asset.Seizure.Case.Officer,
            CaseNumber = x.Asset.CaseNumber,
            State = (Contracts.V1.Asset.Types.State)x.Asset.State,
            StateSince = VietnamTime.DateAt(x.Asset.StateSince).ToProto(),
            DaysAtStage = today.DayNumber - VietnamTime.DateAt(x.Asset.StateSince).DayNumber,
            SeizureDate = x.Asset.Seizure.SeizureDate.ToProto(),
            StartingPrice = x.Asset.StartingPrice,
            LargeSum = x.Large,
            OlderThanThreeYears = x.Old,
            CaseObligations = x.Owed,
            DecisionDate = x.Asset.Seizure.Case.DecisionDate.ToProto(),
            MissedTimeLimits = x.Asset.Deadlines.Count(d => d.State == DeadlineState.Open && d.DueDate < today),
        }));
        if (ranked.Count > size)
        {
            response.NextPageToken = PageToken.Encode((skip + size).ToString(System.Globalization.CultureInfo.InvariantCulture), filters);
        }

        return response;
    }

    /// <summary>What the registered creditors of each of these assets' cases are owed in all.</summary>
    private async Task<Dictionary<(string Office, string Case), long>> CaseObligationsAsync(List<Domain.Assets.Asset> assets, CancellationToken cancellationToken)
    {
        var cases = assets.Select(a => a.CaseNumber).Distinct().ToList();
        var offices = assets.Select(a => a.Office).Distinct().ToList();
        var sums = await db.Obligations.AsNoTracking()
            .Where(o => cases.Contains(o.CaseNumber) && offices.Contains(o.Office))
            .GroupBy(o => new { o.Office, o.CaseNumber })
            .Select(g => new { g.Key.Office, g.Key.CaseNumber, Owed = g.Sum(o => o.Owed) })
            .ToListAsync(cancellationToken);
        return sums.ToDictionary(s => (s.Office, s.CaseNumber), s => s.Owed);
    }

    public sealed class Validator : AbstractValidator<ListBacklogRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Office).Optional(64);
            RuleFor(r => r.StuckForDays).InclusiveBetween(0, 36_500);
            RuleFor(r => r.PageSize).InclusiveBetween(0, PageToken.MaxPageSize);
        }
    }
}
