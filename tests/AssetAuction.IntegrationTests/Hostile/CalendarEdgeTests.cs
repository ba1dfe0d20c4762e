using AssetAuction.IntegrationTests.Infrastructure;
using Google.Type;
using Grpc.Core;

namespace AssetAuction.IntegrationTests.Hostile;

/// <summary>A time limit that would run past the calendar's last year is the client's dates' problem, not INTERNAL.</summary>
public sealed class CalendarEdgeTests : IDisposable
{
    private readonly ServiceFactory _service = new(
        Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.db"),
        start: new DateTimeOffset(2100, 12, 29, 3, 0, 0, TimeSpan.Zero));

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task A_seizure_whose_time_limits_run_past_2100_is_invalid_argument()
    {
        var request = TestData.Seizure();
        request.EnforcementCase.DecisionDate = new Date { Year = 2100, Month = 12, Day = 1 };
        request.SeizureDate = new Date { Year = 2100, Month = 12, Day = 29 };

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "DATE_BEYOND_CALENDAR",
            () => _service.Seizures().RegisterSeizureAsync(request).ResponseAsync);

        Assert.Contains("2101", status.Message, StringComparison.Ordinal);
    }
}
