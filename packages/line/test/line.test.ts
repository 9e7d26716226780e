import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as line from '../src';

describeProvider(line);
describeEndToEnd(line);
