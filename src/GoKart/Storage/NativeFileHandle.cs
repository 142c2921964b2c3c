using Microsoft.Win32.SafeHandles;

namespace GoKart.Storage;

/// <summary>A file descriptor from <see cref="NativeFile"/>: closed with one <c>close</c>, no lock to release.</summary>
internal sealed class NativeFileHandle : SafeHandleMinusOneIsInvalid
{
    public NativeFileHandle()
        : base(ownsHandle: true)
    {
    }

    public NativeFileHandle(nint descriptor)
        : base(ownsHandle: true) => SetHandle(descriptor);

    protected override bool ReleaseHandle() => NativeFile.CloseDescriptor(handle);
}
