using AssetAuction.Contracts.V1;
using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssetAuction.Service.Deadlines;

/// <summary>
/// Assets stuck at their stage longer than a threshold, in the spirit of the agencies' reports: large
/// sums (over 20 billion dong by default) and seizures older than three years first, then the longest stuck.
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
        AssetState[] closed = [AssetState.Released, AssetState.HandedOver, AssetState.Redeemed, AssetState.TakenByCreditor, AssetState.ReturnedToDebtor];
        var query = db.Assets.AsNoTracking().Include(a => a.Seizure).Where(a => !closed.Contains(a.State) && a.StateSince <= stuckBefore);
        if (office.Length > 0)
        {
            query = query.Where(a => a.Office == office);
        }

        var large = options.Value.LargeSumThreshold;
        var threeYearsAgo = today.AddYears(-3);

        // The backlog of one office is small enough to rank in memory; the filter above runs in the database.
        var ranked = (await query.ToListAsync(context.CancellationToken))
            .Select(a => (Asset: a, Large: a.StartingPrice > large, Old: a.Seizure.SeizureDate < threeYearsAgo))
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
        }));
        if (ranked.Count > size)
        {
            response.NextPageToken = PageToken.Encode((skip + size).ToString(System.Globalization.CultureInfo.InvariantCulture), filters);
        }

        return response;
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
