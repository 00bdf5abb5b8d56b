using System.Buffers;
using GridActors.Grains.Interfaces.Storage;
using Npgsql;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.GeneratedCodeHelpers;
using Orleans.Serialization.Serializers;
using Orleans.Serialization.WireProtocol;

namespace GridActors.Silo.Postgres;

/// <summary>
/// How an Npgsql exception crosses from one silo to another: as <see cref="StorageUnavailableException"/> when
/// the database did not answer, else as an <see cref="InvalidOperationException"/> naming it. Orleans cannot
/// serialise Npgsql's own exceptions, and when one was wrapped inside another — a grain whose state could not
/// be read while PostgreSQL restarted — the whole answer failed to serialise and the Api's client got a 500
/// (found by the fault drill). The Api answers <see cref="StorageUnavailableException"/> with 503.
/// </summary>
public sealed class NpgsqlExceptionCodec : IGeneralizedCodec
{
    public bool IsSupportedType(Type type) => typeof(NpgsqlException).IsAssignableFrom(type);

    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, object? value)
        where TBufferWriter : IBufferWriter<byte>
    {
        if (value is not NpgsqlException failure)
        {
            ReferenceCodec.WriteNullReference(ref writer, fieldIdDelta);
            return;
        }
        Exception standIn = StorageOutages.Find(failure) is not null
            ? new StorageUnavailableException($"Storage did not answer: {failure.Message}")
            : new InvalidOperationException($"{failure.GetType().Name} {(failure as PostgresException)?.SqlState}: {failure.Message}");
        writer.SerializeUnexpectedType(fieldIdDelta, expectedType, standIn);
    }

    /// <summary>Never called: what was written is the stand-in's own type, which its own codec reads.</summary>
    public object ReadValue<TInput>(ref Reader<TInput> reader, Field field) =>
        throw new NotSupportedException("An Npgsql exception is written as a stand-in of another type.");
}
