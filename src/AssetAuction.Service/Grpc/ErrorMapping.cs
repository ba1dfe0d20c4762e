using AssetAuction.Domain.Calendar;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Requests;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Grpc;

/// <summary>
/// The one place a refusal becomes a status code: google.rpc.Status with ErrorInfo (stable reason) and the detail
/// each status calls for. The domain's kinds are mapped here; the domain itself knows nothing of gRPC.
/// </summary>
public static class ErrorMapping
{
    public const string ErrorDomain = "assetauction.v1";

    /// <summary>The status for one of our refusals; null for anything else (a fault, which the caller handles).</summary>
    public static RpcException? ToRpcException(Exception error) => error switch
    {
        DomainException domain => ToRpcException(domain),
        RequestValidationException invalid => ToRpcException(invalid),
        AccessDeniedException denied => Refused(StatusCode.PermissionDenied, denied.Reason, denied.Message, denied.Metadata),
        ConcurrentChangeException conflict => Refused(StatusCode.Aborted, conflict.Reason, conflict.Message, conflict.Metadata),

        // The calendar's range comes from the dates a client sent (or a clock far in the future), not a fault of ours.
        CalendarRangeException outside => Refused(
            StatusCode.InvalidArgument,
            Reasons.DateBeyondCalendar,
            $"A date, or a time limit counted from it, falls in {outside.Year}, outside the years the working-day calendar covers ({WorkingDayCalendar.MinYear} to {WorkingDayCalendar.MaxYear}); check the dates sent.",
            new Dictionary<string, string> { ["year"] = outside.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        DbUpdateConcurrencyException => Refused(StatusCode.Aborted, ServiceReasons.ConcurrentModification, "Someone else changed this resource at the same time; read it again and retry.", null),
        _ => null,
    };

    public static RpcException ToRpcException(DomainException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var status = StatusOf(CodeOf(error.Kind), error.Reason, error.Message, error.Metadata);
        if (error.Kind == DomainErrorKind.RuleViolated)
        {
            status.Details.Add(Any.Pack(new PreconditionFailure
            {
                Violations = { new PreconditionFailure.Types.Violation { Type = error.Reason, Subject = error.Subject, Description = error.Message } },
            }));
        }

        return status.ToRpcException();
    }

    public static RpcException ToRpcException(RequestValidationException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var badRequest = new BadRequest();
        badRequest.FieldViolations.Add(error.Violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
        var status = StatusOf(StatusCode.InvalidArgument, error.Reason, error.Message, null);
        status.Details.Add(Any.Pack(badRequest));
        return status.ToRpcException();
    }

    /// <summary>The domain's kinds as gRPC codes (google.rpc code.proto): what each kind means to a client.</summary>
    public static StatusCode CodeOf(DomainErrorKind kind) => kind switch
    {
        DomainErrorKind.InvalidInput => StatusCode.InvalidArgument,
        DomainErrorKind.NotFound => StatusCode.NotFound,
        DomainErrorKind.RuleViolated => StatusCode.FailedPrecondition,
        _ => StatusCode.Internal,
    };

    private static RpcException Refused(StatusCode code, string reason, string message, IReadOnlyDictionary<string, string>? metadata) =>
        StatusOf(code, reason, message, metadata).ToRpcException();

    private static Google.Rpc.Status StatusOf(StatusCode code, string reason, string message, IReadOnlyDictionary<string, string>? metadata)
    {
        var info = new ErrorInfo { Reason = reason, Domain = ErrorDomain };
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            info.Metadata[key] = value;
        }

        return new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } };
    }
}
