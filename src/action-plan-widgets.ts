// The drop-in file: registers every element. Each element's heavy parts (editors, import and
// export, the report, plan administration, the Welsh catalogue, sync) are chunks beside this
// file, loaded on first use. The public API is for builds: import it from the package.
import './define.js';
