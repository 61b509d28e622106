import Appointments
import Core
import GRDB
import StorageKernel

// The appointment area's use cases (issue 18) live in extensions of `AppDatabase` in this target, one file per
// concern (capacity, offers and booking, the day-before lists, dealer calls, check-in), each change one transaction
// with its audit entry.
