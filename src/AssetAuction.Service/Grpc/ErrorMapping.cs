using AssetAuction.Domain.Common;
using AssetAuction.Service.Requests;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace AssetAuction.Service.Grpc;

/// <summary>Our exceptions as google.rpc.Status with ErrorInfo (stable reason) and the detail each status calls for.</summary>
public static class ErrorMapping
{
    public const string ErrorDomain = "assetauction.v1";

    public static RpcException ToRpcException(DomainException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var info = new ErrorInfo { Reason = error.Reason, Domain = ErrorDomain };
        foreach (var (key, value) in error.Metadata)
        {
            info.Metadata[key] = value;
        }
        var status = new Google.Rpc.Status
        {
            Code = (int)CodeOf(error.Kind),
            Message = error.Message,
            Details = { Any.Pack(info) },
        };
        if (error.Kind == DomainErrorKind.FailedPrecondition)
        {
            status.Details.Add(Any.Pack(new PreconditionFailure
            {
                Violations = { new PreconditionFailure.Types.Violation { Type = error.Reason, Subject = error.PreconditionSubject, Description = error.Message } },
            }));
        }

        return status.ToRpcException();
    }

    public static RpcException ToRpcException(RequestValidationException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var badRequest = new BadRequest();
        badRequest.FieldViolations.Add(error.Violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
        var status = new Google.Rpc.Status
        {
            Code = (int)StatusCode.InvalidArgument,
            Message = error.Message,
            Details = { Any.Pack(new ErrorInfo { Reason = error.Reason, Domain = ErrorDomain }), Any.Pack(badRequest) },
        };
        return status.ToRpcException();
    }

    private static StatusCode CodeOf(DomainErrorKind kind) => kind switch
    {
        DomainErrorKind.InvalidArgument => StatusCode.InvalidArgument,
        DomainErrorKind.NotFound => StatusCode.NotFound,
        DomainErrorKind.FailedPrecondition => StatusCode.FailedPrecondition,
        DomainErrorKind.Aborted => StatusCode.Aborted,
        DomainErrorKind.PermissionDenied => StatusCode.PermissionDenied,
        _ => StatusCode.Internal,
    };
}
