using AssetAuction.Domain.Calendar;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Requests;
using Google.Rpc;
using Grpc.Core;

namespace AssetAuction.UnitTests.Service;

/// <summary>The domain's kinds and the service's refusals become the status codes clients have always seen, in one place.</summary>
public sealed class ErrorMappingTests
{
    [Theory]
    [InlineData(DomainErrorKind.InvalidInput, StatusCode.InvalidArgument)]
    [InlineData(DomainErrorKind.NotFound, StatusCode.NotFound)]
    [InlineData(DomainErrorKind.RuleViolated, StatusCode.FailedPrecondition)]
    public void Each_domain_kind_has_its_status_code(DomainErrorKind kind, StatusCode code) =>
        Assert.Equal(code, ErrorMapping.ToRpcException(new DomainException(kind, "SOME_REASON", "m"))!.StatusCode);

    [Fact]
    public void No_domain_kind_falls_through_to_internal() =>
        Assert.All(Enum.GetValues<DomainErrorKind>(), kind => Assert.NotEqual(StatusCode.Internal, ErrorMapping.CodeOf(kind)));

    [Fact]
    public void A_violated_rule_says_what_it_is_about_in_a_precondition_failure()
    {
        var status = ErrorMapping.ToRpcException(DomainException.Precondition(Reasons.AssetClosed, "assets/1", "closed"))!.GetRpcStatus()!;

        var violation = Assert.Single(status.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal((Reasons.AssetClosed, "assets/1"), (violation.Type, violation.Subject));
        Assert.Equal(Reasons.AssetClosed, status.GetDetail<ErrorInfo>()!.Reason);
    }

    [Fact]
    public void A_stale_etag_is_aborted_with_the_current_etag()
    {
        ConcurrentChangeException.EnsureEtag("3", "3", "changed", new Dictionary<string, string>());
        var error = Assert.Throws<ConcurrentChangeException>(() => ConcurrentChangeException.EnsureEtag("3", "0", "changed", new Dictionary<string, string> { ["current_etag"] = "3" }));

        var mapped = ErrorMapping.ToRpcException(error)!;
        Assert.Equal(StatusCode.Aborted, mapped.StatusCode);
        var info = mapped.GetRpcStatus()!.GetDetail<ErrorInfo>()!;
        Assert.Equal((ServiceReasons.EtagMismatch, "3"), (info.Reason, info.Metadata["current_etag"]));
    }

    [Fact]
    public void Access_refusals_are_permission_denied() =>
        Assert.Equal(StatusCode.PermissionDenied, ErrorMapping.ToRpcException(new AccessDeniedException(ServiceReasons.RoleNotAllowed, "no"))!.StatusCode);

    [Fact]
    public void A_date_beyond_the_calendar_is_an_invalid_argument_naming_the_year()
    {
        var info = ErrorMapping.ToRpcException(new CalendarRangeException(2200))!.GetRpcStatus()!.GetDetail<ErrorInfo>()!;

        Assert.Equal((Reasons.DateBeyondCalendar, "2200"), (info.Reason, info.Metadata["year"]));
    }

    [Fact]
    public void Anything_else_is_not_a_refusal() =>
        Assert.Null(ErrorMapping.ToRpcException(new InvalidOperationException("a bug")));
}
